package io.pulse.bench.mqtt;

/**
 * One side of one round.
 *
 * @param messagesPerSecond N over the time from the first publish to the arrival that completed the N
 * @param publishedPerSecond N over the time from the first publish to the last PUBACK
 * @param duplicates messages of this round that arrived more than once
 * @param foreign messages that were not this round's
 * @param reconnects the receiving side's connections lost (the source's sessions: reconnects; the
 *                   plain subscriber: disconnects); 0 for the publisher alone
 * @param counted records the discarding sink counted (the source), or messages the callback saw
 *                (the plain subscriber); -1 for the publisher alone
 */
record RoundResult(double messagesPerSecond, double publishedPerSecond, long duplicates, long foreign,
                   long reconnects, long counted) {

    /** The publisher alone: nothing receives, so the published rate is the rate. */
    static RoundResult publisherAlone(double publishedPerSecond) {
        return new RoundResult(publishedPerSecond, publishedPerSecond, 0, 0, 0, -1);
    }
}
