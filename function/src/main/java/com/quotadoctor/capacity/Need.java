package com.quotadoctor.capacity;

import com.quotadoctor.domain.IncreaseRequest;
import com.quotadoctor.domain.Quota;

import java.util.Optional;

/**
 * One quota a planned workload draws on, against what the workload will need of it.
 *
 * @param workload    the workload's name
 * @param region      where the calls are sent
 * @param account     the account they run in, when known
 * @param measure     what the quota counts ("tokens per minute", "Mantle input tokens per minute", …)
 * @param quota       the governing quota; empty when the catalogue holds none of this kind for the model
 * @param needed      what this workload needs of it at its peak (or in a day, for a daily quota)
 * @param total       what every planned workload on this quota needs together: what the verdict judges
 * @param limit       what the quota lets these calls use (the applied value, doubled for cross-region calls on the
 *                    shared daily quota); empty when its value was not read
 * @param verdict     fits, raise, covered, not adjustable, unknown
 * @param ask         the value to request, when one is to be filed
 * @param arithmetic  how {@code needed} was computed, in one line
 * @param coveredBy   the open request that already asks enough
 * @param alternative where the calls would fit instead, when this quota can't be raised
 */
public record Need(String workload, String region, Optional<String> account, String measure, Optional<Quota> quota,
                   double needed, double total, Optional<Double> limit, Verdict verdict, Optional<Double> ask, String arithmetic,
                   Optional<IncreaseRequest> coveredBy, Optional<String> alternative) {

    /** What the plan says of one quota. */
    public enum Verdict {
        FITS("fits"), RAISE("raise"), COVERED("covered by an open request"),
        OPEN_REQUEST_SHORT("an open request asks too little"), NOT_ADJUSTABLE("not adjustable"),
        UNKNOWN("not judged"), NO_QUOTA("no quota listed");

        private final String words;

        Verdict(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }

        /** Whether a launch gate should stop: anything but fits or a request already asking enough. */
        public boolean needsAction() {
            return this != FITS && this != COVERED;
        }
    }

    /** The room left at the need of every workload on the quota, as a share of the limit (negative: short). */
    public Optional<Double> headroom() {
        return limit.filter(l -> l > 0).map(l -> (l - total) / l);
    }
}
