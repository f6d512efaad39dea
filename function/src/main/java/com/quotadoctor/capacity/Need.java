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
 * @param needed      what the workload needs of it at its peak (or in a day, for a daily quota)
 * @param limit       what the quota lets these calls use (the applied value, doubled for cross-region calls on the
 *                    shared daily quota); empty when its value was not read
 * @param verdict     fits, raise, covered, not adjustable, unknown
 * @param ask         the value to request, when one is to be filed
 * @param arithmetic  how {@code needed} was computed, in one line
 * @param coveredBy   the open request that already asks enough
 * @param alternative where the calls would fit instead, when this quota can't be raised
 */
public record Need(String workload, String region, Optional<String> account, String measure, Optional<Quota> quota,
                   double needed, Optional<Double> limit, Verdict verdict, Optional<Double> ask, String arithmetic,
                   Optional<IncreaseRequest> coveredBy, Optional<String> alternative) {

    /** What the plan says of one quota. */
    public enum Verdict {
        FITS("fits"), RAISE("raise"), COVERED("covered by an open request"), NOT_ADJUSTABLE("not adjustable"),
        UNKNOWN("value not read"), NO_QUOTA("no quota listed");

        private final String words;

        Verdict(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** The room left at the need, as a share of the limit (negative: short). */
    public Optional<Double> headroom() {
        return limit.filter(l -> l > 0).map(l -> (l - needed) / l);
    }
}
