package io.pulse.bridge.queue;

/** A message waiting in the queue; {@code seq} grows with every append, so it is the order to send in. */
public record QueuedMessage(long seq, String topic, byte[] payload) {}
