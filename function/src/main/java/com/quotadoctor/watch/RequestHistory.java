package com.quotadoctor.watch;

import com.quotadoctor.domain.RegionEvidence;

/** One region's request history and applied values, as read now. */
@FunctionalInterface
public interface RequestHistory {

    RegionEvidence read(String region);
}
