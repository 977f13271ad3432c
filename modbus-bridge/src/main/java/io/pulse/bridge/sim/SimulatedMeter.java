package io.pulse.bridge.sim;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.ghgande.j2mod.modbus.procimg.IllegalAddressException;

import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.ProcessImage;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;

import io.pulse.bridge.registers.FieldSpec;
import io.pulse.bridge.registers.MeterField;
import io.pulse.bridge.registers.RegisterDecoder;
import io.pulse.bridge.registers.RegisterKind;
import io.pulse.bridge.registers.RegisterMap;
import io.pulse.bridge.registers.ValueType;

/**
 * A simulated meter (one Modbus unit) laid out by a register map, e.g. {@code Presets.SDM630}.
 * Power, voltage, current, power factor and frequency are settable; the import energy register
 * accumulates power over time like a real meter's. It can fail on purpose: {@link #goSilent()}
 * (no answer at all: the master times out) or {@link #answerWithExceptions()} (Modbus exception
 * 02, illegal data address). Served by {@link SimulatedModbusServer}.
 */
public final class SimulatedMeter {

    /** How long a silent meter holds a request before dropping it (longer than any sane master timeout). */
    static final long SILENT_HOLD_MS = 3000;

    /** How the meter answers. */
    public enum Mode { HEALTHY, SILENT, EXCEPTION }

    private final int unitId;
    private final RegisterMap map;
    private final LockedImage image;
    private final SimpleProcessImage empty;
    private final SimpleProcessImage silent;
    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.HEALTHY);
    private final Runnable modeChanged;
    private volatile double power = 1000;
    private double energyWh;
    private long lastTickNanos = System.nanoTime();

    SimulatedMeter(int unitId, RegisterMap map, Runnable modeChanged) {
        this.unitId = unitId;
        this.map = map;
        this.modeChanged = modeChanged;
        this.image = new LockedImage(unitId);
        this.empty = new SimpleProcessImage(unitId);
        this.silent = new SilentImage(unitId);
        int size = map.fields().values().stream().mapToInt(FieldSpec::end).max().orElse(0) + 2;
        for (int i = 0; i < size; i++) {
            if (map.kind() == RegisterKind.INPUT) {
                image.addInputRegister(new SimpleInputRegister(0));
            } else {
                image.addRegister(new SimpleRegister(0));
            }
        }
        set(MeterField.VOLTAGE, 230);
        set(MeterField.CURRENT, 4.35);
        set(MeterField.POWER, power);
        set(MeterField.POWER_FACTOR, 1);
        set(MeterField.FREQUENCY, 50);
        set(MeterField.ENERGY_REGISTER_WH, 0);
    }

    public int unitId() {
        return unitId;
    }

    public void setPower(double watts) {
        tick();
        power = watts;
        set(MeterField.POWER, watts);
    }

    public void setVoltage(double volts) {
        set(MeterField.VOLTAGE, volts);
    }

    public void setCurrent(double amps) {
        set(MeterField.CURRENT, amps);
    }

    public void setPowerFactor(double pf) {
        set(MeterField.POWER_FACTOR, pf);
    }

    public void setFrequency(double hz) {
        set(MeterField.FREQUENCY, hz);
    }

    /** The import energy counter now, in Wh. */
    public synchronized double energyWh() {
        tick();
        return energyWh;
    }

    public void goSilent() {
        setMode(Mode.SILENT);
    }

    public void answerWithExceptions() {
        setMode(Mode.EXCEPTION);
    }

    public void recover() {
        setMode(Mode.HEALTHY);
    }

    public Mode mode() {
        return mode.get();
    }

    private void setMode(Mode next) {
        synchronized (mode) {
            mode.set(next);
            mode.notifyAll();
        }
        modeChanged.run();
    }

    /** What the server answers for this unit with. */
    ProcessImage currentImage() {
        return switch (mode.get()) {
            case HEALTHY -> image;
            case SILENT -> silent;
            case EXCEPTION -> empty; // no registers: every read is an illegal address
        };
    }

    private void awaitNotSilent() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SILENT_HOLD_MS);
        synchronized (mode) {
            while (mode.get() == Mode.SILENT && System.nanoTime() < deadline) {
                try {
                    mode.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Holds every request without answering (j2mod answers a unit id without a process image
     * with an exception, which is not silence). After {@link #SILENT_HOLD_MS} the late answer is
     * an exception that no master waits for any more.
     */
    private final class SilentImage extends SimpleProcessImage {
        SilentImage(int unitId) {
            super(unitId);
        }

        @Override
        public InputRegister[] getInputRegisterRange(int offset, int count) {
            awaitNotSilent();
            throw new IllegalAddressException("silent");
        }

        @Override
        public Register[] getRegisterRange(int offset, int count) {
            awaitNotSilent();
            throw new IllegalAddressException("silent");
        }
    }

    /** Integrates power into the energy register (called by the server's clock and on changes). */
    synchronized void tick() {
        long now = System.nanoTime();
        energyWh += power * (now - lastTickNanos) / 3.6e12;
        lastTickNanos = now;
        set(MeterField.ENERGY_REGISTER_WH, energyWh);
    }

    private void set(MeterField field, double value) {
        FieldSpec spec = map.fields().get(field);
        if (spec == null) {
            return; // this model has no such register
        }
        int[] words = encode(spec, value / spec.scale());
        synchronized (image) {
            for (int i = 0; i < words.length; i++) {
                if (map.kind() == RegisterKind.INPUT) {
                    ((SimpleInputRegister) image.getInputRegister(spec.address() + i)).setValue(words[i]);
                } else {
                    image.getRegister(spec.address() + i).setValue(words[i]);
                }
            }
        }
    }

    static int[] encode(FieldSpec spec, double raw) {
        if (spec.type() == ValueType.FLOAT32) {
            return RegisterDecoder.encodeFloat32((float) raw, spec.wordOrder());
        }
        long v = Math.round(raw);
        if (spec.type().registers() == 1) {
            return new int[] {(int) (v & 0xFFFF)};
        }
        int high = (int) ((v >>> 16) & 0xFFFF);
        int low = (int) (v & 0xFFFF);
        return spec.wordOrder() == io.pulse.bridge.registers.WordOrder.BIG ? new int[] {high, low} : new int[] {low, high};
    }

    /** Reads a whole range under the same lock as writes, so a float32 is never half old, half new. */
    private static final class LockedImage extends SimpleProcessImage {
        LockedImage(int unitId) {
            super(unitId);
        }

        @Override
        public InputRegister[] getInputRegisterRange(int offset, int count) {
            synchronized (this) {
                return copy(super.getInputRegisterRange(offset, count));
            }
        }

        @Override
        public Register[] getRegisterRange(int offset, int count) {
            synchronized (this) {
                Register[] live = super.getRegisterRange(offset, count);
                Register[] out = new Register[live.length];
                for (int i = 0; i < live.length; i++) {
                    out[i] = new SimpleRegister(live[i].getValue());
                }
                return out;
            }
        }

        private static InputRegister[] copy(InputRegister[] live) {
            InputRegister[] out = new InputRegister[live.length];
            for (int i = 0; i < live.length; i++) {
                out[i] = new SimpleInputRegister(live[i].getValue());
            }
            return out;
        }
    }
}
