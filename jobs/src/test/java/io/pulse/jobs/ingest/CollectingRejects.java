package io.pulse.jobs.ingest;

import java.util.ArrayList;
import java.util.List;

/** Records what a {@link MessageParser} refused: every reason, and the parts refused on their own. */
public final class CollectingRejects implements MessageParser.Rejects {

    public final List<String> reasons = new ArrayList<>();
    public final List<String> parts = new ArrayList<>();

    @Override
    public void reject(String reason) {
        reasons.add(reason);
    }

    @Override
    public void reject(String reason, String part) {
        reasons.add(reason);
        parts.add(part);
    }
}
