package com.quotadoctor.evidence.aws;

import com.quotadoctor.domain.EvidenceGap;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a paged list to its end. What was read before a failure is kept and the failure becomes a gap;
 * a list longer than {@code maxPages} is cut with a gap saying so; a token that repeats ends the loop.
 */
final class Pages {

    /** One page: its items and the token of the next, if any. */
    record Page<T>(List<T> items, String nextToken) {
    }

    /** Everything read, and why it stopped early, if it did. */
    record Listing<T>(List<T> items, Optional<EvidenceGap> gap) {

        boolean complete() {
            return gap.isEmpty();
        }
    }

    private Pages() {
    }

    static <T> Listing<T> read(String region, com.quotadoctor.domain.Operation operation, Access access, Pacer pacer, int maxPages,
                               Function<String, Page<T>> call) {
        List<T> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String token = null;
        int calls = 0;
        try {
            do {
                if (calls == maxPages) {
                    return new Listing<>(items, Optional.of(EvidenceGap.in(region, operation.wireName(), "Truncated",
                            "read the first " + calls + " pages (" + items.size() + " items); more were left unread",
                            access.account())));
                }
                calls++;
                pacer.take();
                Page<T> page = call.apply(token);
                // a page beyond what was asked is an endpoint ignoring the request: reading on could exhaust memory
                int most = operation.maxItemsPerPage();
                if (page.items().size() > most) {
                    return new Listing<>(items, Optional.of(EvidenceGap.in(region, operation.wireName(), "PageTooLarge",
                            "a page held " + page.items().size() + " items where at most " + most + " were asked for; "
                                    + "not AWS's answer, stopped reading", access.account())));
                }
                items.addAll(page.items());
                token = page.nextToken() == null || page.nextToken().isEmpty() ? null : page.nextToken();
                if (token != null && !seen.add(token)) {
                    return new Listing<>(items, Optional.of(EvidenceGap.in(region, operation.wireName(), "PaginationLoop",
                            "the service returned a NextToken it had returned before; stopped after " + calls
                                    + " pages", access.account())));
                }
            } while (token != null);
            return new Listing<>(items, Optional.empty());
        } catch (RuntimeException e) {
            return new Listing<>(items, Optional.of(AwsFailure.gap(region, operation, access, e)));
        }
    }
}
