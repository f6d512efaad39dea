package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.BadInputException;
import java.time.Duration;

/**
 * The judgement's tunables.
 *
 * @param propagationWindow how long an approved value may take to apply before it is overdue. AWS
 *                          documents no time; 24 h covers the reported cases ("minutes to hours")
 * @param recentWindow      how far back per-minute peaks and throttles count as current
 * @param pendingPatience   how long to keep rechecking an undecided request
 * @param usageRatio        demand at or above this share of the quota counts as exceeding it
 *                          (one-minute sums hide the sub-minute bursts that throttle)
 * @param reservationRatio  throttled while settled usage stays under this share: max_tokens reservation
 * @param dailyRatio        daily usage at or above this share counts as exhausted
 * @param firstCheck        first recheck delay; doubles per attempt up to {@code longestCheck}
 */
public record Settings(Duration propagationWindow, Duration recentWindow, Duration pendingPatience,
                       double usageRatio, double reservationRatio, double dailyRatio, Duration firstCheck,
                       Duration longestCheck) {

    public static Settings defaults() {
        return new Settings(Duration.ofHours(24), Duration.ofHours(3), Duration.ofDays(14), 0.9, 0.6, 0.95,
                Duration.ofMinutes(5), Duration.ofHours(1));
    }

    /** The propagation window's bounds: the deployment validates the same ones (a test holds the two together). */
    public static final Duration SHORTEST_PROPAGATION_WINDOW = Duration.parse("PT1M");
    public static final Duration LONGEST_PROPAGATION_WINDOW = Duration.parse("P14D");

    /** Peaks and throttles count as current this far back: the collection's look back ({@code --lookback}). */
    public Settings withRecentWindow(Duration window) {
        return new Settings(propagationWindow, window, pendingPatience, usageRatio, reservationRatio, dailyRatio,
                firstCheck, longestCheck);
    }

    public Settings withPropagationWindow(Duration window) {
        if (window.compareTo(SHORTEST_PROPAGATION_WINDOW) < 0 || window.compareTo(LONGEST_PROPAGATION_WINDOW) > 0) {
            throw new BadInputException("the propagation window must be between " + SHORTEST_PROPAGATION_WINDOW
                    + " and " + LONGEST_PROPAGATION_WINDOW + ", got " + window);
        }
        return new Settings(window, recentWindow, pendingPatience, usageRatio, reservationRatio, dailyRatio, firstCheck,
                longestCheck);
    }
}
