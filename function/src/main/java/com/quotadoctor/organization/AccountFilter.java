package com.quotadoctor.organization;

import com.quotadoctor.domain.BadInputException;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which accounts of the organisation a sweep reads: the active accounts under these organisational units (or roots),
 * or all of them; optionally only those carrying a tag ({@code key} or {@code key=value}).
 */
public record AccountFilter(List<String> parents, Optional<String> tag) {

    public static final AccountFilter ALL = new AccountFilter(List.of(), Optional.empty());

    /** Organizations' own patterns for a root ({@code r-…}) and an OU ({@code ou-…-…}). */
    private static final Pattern PARENT = Pattern.compile("^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$");

    public AccountFilter {
        parents = List.copyOf(parents);
        for (String parent : parents) {
            if (!PARENT.matcher(parent).matches()) {
                throw new BadInputException("expected an organisation root (r-…) or OU id (ou-…-…), got '" + parent + "'");
            }
        }
    }

    public Optional<String> tagKey() {
        return tag.map(t -> t.contains("=") ? t.substring(0, t.indexOf('=')) : t);
    }

    public Optional<String> tagValue() {
        return tag.filter(t -> t.contains("=")).map(t -> t.substring(t.indexOf('=') + 1));
    }
}
