package com.quotadoctor.domain;

/** Who collected the evidence ({@code sts:GetCallerIdentity}). */
public record CallerIdentity(String account, String arn, String userId) {
}
