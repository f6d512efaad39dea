package com.quotadoctor.domain;

import java.util.regex.Pattern;

/** An AWS account id: exactly 12 digits (AWS Organizations' and STS's own pattern). */
public final class AccountId {

    private static final Pattern PATTERN = Pattern.compile("^\\d{12}$");

    private AccountId() {
    }

    public static boolean isValid(String id) {
        return id != null && PATTERN.matcher(id).matches();
    }
}
