package com.quotadoctor.evidence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quotadoctor.domain.QuotaArn;
import com.quotadoctor.json.WireNode;

import java.util.Optional;

/**
 * One {@code ServiceQuota} object as an API listed it, before the applied and default lists are merged.
 *
 * @param arn its {@code QuotaArn}: the region, and the account for applied values
 */
public record ListedQuota(String code, Optional<String> name, Optional<String> serviceCode, Optional<QuotaArn> arn,
                          Optional<Double> value, Optional<Boolean> adjustable) {

    /** Held to AWS's shapes where it enters: a quota code is a code, a name is one line. */
    public ListedQuota {
        com.quotadoctor.domain.AwsId.QUOTA_CODE.require(code, "QuotaCode");
        name = name.map(n -> com.quotadoctor.domain.Text.oneLine(n, 256));
        serviceCode = serviceCode.map(c -> com.quotadoctor.domain.Text.oneLine(c, 64));
    }

    /** A {@code ServiceQuota} object as the Service Quotas API's JSON has it. */
    public static ListedQuota read(WireNode n) {
        return SnapshotReader.shaped(n, () -> new ListedQuota(n.field("QuotaCode").requiredText(),
                n.field("QuotaName").text(), n.field("ServiceCode").text(),
                n.field("QuotaArn").text().flatMap(QuotaArn::parse), n.field("Value").number(), n.field("Adjustable").bool()));
    }

    /** This quota as a {@code ServiceQuota} object of the Service Quotas API's JSON. */
    public void write(ObjectNode n) {
        serviceCode.filter(t -> !t.isBlank()).ifPresent(t -> n.put("ServiceCode", t));
        n.put("QuotaCode", code);
        name.filter(t -> !t.isBlank()).ifPresent(t -> n.put("QuotaName", t));
        arn.ifPresent(a -> n.put("QuotaArn", a.toString()));
        value.ifPresent(v -> n.put("Value", v));
        adjustable.ifPresent(a -> n.put("Adjustable", a));
    }

    Optional<String> account() {
        return arn.flatMap(QuotaArn::account);
    }

    boolean isBedrock() {
        return com.quotadoctor.domain.ServiceCode.isBedrock(serviceCode);
    }
}
