package com.quotadoctor.capacity;

import com.quotadoctor.domain.EvidenceGap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What expected traffic needs of an account's quotas: each governing quota per workload and region, the requests to
 * file (one value per quota, the largest any workload needs, plus 25 %), and what could not be judged.
 *
 * @param judgedAt when the quotas were read (the snapshot's capture time, or now)
 * @param needs    every governing quota of every workload and region
 * @param notes    what a workload should know that is no quota's verdict (max_tokens unset, a profile unresolved)
 * @param gaps     what could not be read
 */
public record CapacityPlan(Instant judgedAt, List<Need> needs, List<String> notes, List<EvidenceGap> gaps) {

    public CapacityPlan {
        needs = List.copyOf(needs);
        notes = List.copyOf(notes);
        gaps = List.copyOf(gaps);
    }

    /** One increase to file: the quota, where, the value and every need it answers. */
    public record Filing(String quotaCode, String quotaName, String region, Optional<String> account, double value,
                         List<Need> answers) {

        public Filing {
            answers = List.copyOf(answers);
        }

        /**
         * Whether AWS takes this increase through the limit-increase form instead of Service Quotas: bedrock-mantle's
         * "quota increase requests are not currently processed through the Service Quotas console" (quotas-mantle).
         */
        public boolean throughSupport() {
            return answers.stream().anyMatch(n -> n.quota().map(q -> q.kind().family()
                    == com.quotadoctor.domain.InferenceFamily.MANTLE).orElse(false));
        }
    }

    /** The increases to file, one per quota, region and account: the largest ask of the needs that raise it. */
    public List<Filing> filings() {
        Map<String, List<Need>> byQuota = new LinkedHashMap<>();
        for (Need n : needs) {
            if (n.verdict() == Need.Verdict.RAISE && n.quota().isPresent() && n.ask().isPresent()) {
                byQuota.computeIfAbsent(n.quota().get().code() + "|" + n.region() + "|" + n.account().orElse(""),
                        k -> new ArrayList<>()).add(n);
            }
        }
        List<Filing> out = new ArrayList<>();
        for (List<Need> group : byQuota.values()) {
            Need first = group.get(0);
            // each need's ask is already sized on every workload the quota carries
            double value = group.stream().mapToDouble(n -> n.ask().orElseThrow()).max().orElseThrow();
            out.add(new Filing(first.quota().get().code(), first.quota().get().name(), first.region(), first.account(),
                    value, group));
        }
        return out;
    }

    /**
     * Whether the launch should wait: a quota to raise, one that can't be, an open request asking too little, or
     * anything not judged (a value not read, no quota found). What {@code --fail-on raise} gates on.
     */
    public boolean needsAction() {
        return needs.stream().anyMatch(n -> n.verdict().needsAction());
    }

    /** The distinct quotas (or workload and region, when none was found) whose verdict is {@code verdict}. */
    public long count(Need.Verdict verdict) {
        return needs.stream().filter(n -> n.verdict() == verdict)
                .map(n -> n.quota().map(q -> q.code() + "|" + n.region() + "|" + n.account().orElse(""))
                        .orElse(n.workload() + "|" + n.region() + "|" + n.measure()))
                .distinct().count();
    }
}
