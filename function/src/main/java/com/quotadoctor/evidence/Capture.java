package com.quotadoctor.evidence;

import com.quotadoctor.domain.CallerIdentity;
import com.quotadoctor.domain.DiagnosisRequest;
import com.quotadoctor.domain.Evidence;
import com.quotadoctor.domain.EvidenceGap;
import com.quotadoctor.domain.RegionEvidence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything collected for one diagnosis, as the AWS APIs returned it: the content of a snapshot file,
 * and what live collection produces. A live run and the replay of its snapshot both go through
 * {@link #snapshot()}, so they diagnose alike.
 *
 * @param regions region name to what was read there, in collection order
 * @param gaps    failures that belong to no single region: the caller identity, an account's role
 * @param request what the capture was made for; empty when it names nothing
 */
public record Capture(Instant capturedAt, Optional<CallerIdentity> caller, Map<String, RegionCapture> regions,
                      List<EvidenceGap> gaps, DiagnosisRequest request) {

    static final String BEDROCK = com.quotadoctor.domain.ServiceCode.BEDROCK;
    static final String CALLER_SOURCE = "caller";

    public Capture {
        regions = Collections.unmodifiableMap(new LinkedHashMap<>(regions));
        gaps = List.copyOf(gaps);
    }

    public Snapshot snapshot() {
        return new Snapshot(evidence(), request);
    }

    public Evidence evidence() {
        List<EvidenceGap> all = new ArrayList<>(gaps);
        boolean callerExplained = gaps.stream().anyMatch(g -> g.source().equals(CALLER_SOURCE)
                || com.quotadoctor.domain.Operation.GET_CALLER_IDENTITY.is(g.source()));
        if (caller.isEmpty() && !callerExplained) {
            all.add(EvidenceGap.accountWide(CALLER_SOURCE, EvidenceGap.NOT_COLLECTED,
                    "the caller identity (sts GetCallerIdentity) was not collected"));
        }
        Map<String, RegionEvidence> interpreted = new LinkedHashMap<>();
        regions.forEach((name, region) -> interpreted.put(name, region.evidence()));
        return new Evidence(capturedAt, caller, interpreted, all);
    }
}
