package com.quotadoctor.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model as Service Quotas names it and as a model id spells it, reduced to comparable parts.
 *
 * <p>No AWS API maps a model id to its quotas, and names drift ("Claude 3.5 Sonnet V2" vs
 * {@code claude-3-5-sonnet-20241022-v2:0}), so both sides are reduced to a set of tokens, a
 * major version and a context-length variant. Models unknown today match the same way.
 *
 * @param tokens        lower-case name tokens without provider words, dates and version
 * @param version       the model version ({@code V2}, {@code -v2:0}); empty when the name implies the first
 * @param contextLength a context-length variant such as {@code 1m}; empty for the standard model
 * @param provider      the provider read from a model id ({@code acme} of {@code acme.rocket-v1:0}); empty for quota names,
 *                      whose leading provider word is only recognised when it equals a model id's provider
 * @param display       the text this was read from
 */
public record ModelName(Set<String> tokens, Optional<Integer> version, Optional<String> contextLength,
                        Optional<String> provider, String display) {

    /** Words that name a provider, never a model: both sides drop them so "Mistral AI" meets {@code mistral.}. */
    private static final Set<String> PROVIDER_WORDS = Set.of(
            "anthropic", "amazon", "meta", "mistral", "cohere", "ai21", "labs", "ai", "deepseek", "openai",
            "qwen", "writer", "stability", "twelvelabs", "luma", "google", "minimax", "moonshot", "moonshotai",
            "nvidia");
    private static final Pattern ID_VERSION = Pattern.compile("(?:-v(\\d+)(?::\\d+)?|-(\\d+):\\d+)(?::(\\d+[km]))?$");
    private static final Pattern NAME_VERSION = Pattern.compile("^v(\\d+)$");
    private static final Pattern NAME_CONTEXT = Pattern.compile("(\\d+\\s*[km])\\s+context(\\s+length)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAILING_CONTEXT = Pattern.compile("^\\d+[km]$");
    private static final Pattern DATE = Pattern.compile("^\\d{8}$");
    private static final Pattern SMALL_NUMBER = Pattern.compile("^\\d{1,2}$");
    private static final Pattern LETTERS_THEN_DIGITS = Pattern.compile("^([a-z]{3,})(\\d+)$");

    public ModelName {
        tokens = Set.copyOf(tokens);
    }

    /** Reads a model id's name part, e.g. {@code claude-3-5-sonnet-20240620-v1:0} of provider {@code anthropic}. */
    public static ModelName fromModelId(String provider, String idWithoutProvider) {
        String id = idWithoutProvider.toLowerCase(Locale.ROOT);
        Optional<Integer> version = Optional.empty();
        Optional<String> context = Optional.empty();
        Matcher v = ID_VERSION.matcher(id);
        if (v.find()) {
            version = Optional.of(Integer.parseInt(v.group(1) != null ? v.group(1) : v.group(2)));
            context = Optional.ofNullable(v.group(3));
            id = id.substring(0, v.start());
        }
        List<String> raw = new ArrayList<>();
        for (String part : id.split("[-_.:/]+")) {
            if (part.isEmpty() || DATE.matcher(part).matches()) {
                continue;
            }
            Matcher glued = LETTERS_THEN_DIGITS.matcher(part);
            if (glued.matches()) { // llama3 -> llama 3, qwen3 -> qwen 3
                raw.add(glued.group(1));
                raw.add(glued.group(2));
            } else {
                raw.add(part);
            }
        }
        return new ModelName(joinVersionNumbers(raw), version, context,
                Optional.of(provider.toLowerCase(Locale.ROOT)), provider + "." + idWithoutProvider);
    }

    /** Reads the model part of a quota name, e.g. {@code Anthropic Claude Sonnet 4.5 V1 1M Context Length}. */
    public static ModelName fromQuotaSubject(String subject) {
        String text = subject.replaceAll("\\([^)]*\\)", " ").trim();
        Optional<String> context = Optional.empty();
        Matcher c = NAME_CONTEXT.matcher(text);
        if (c.find()) {
            context = Optional.of(c.group(1).replaceAll("\\s", "").toLowerCase(Locale.ROOT));
            text = (text.substring(0, c.start()) + " " + text.substring(c.end())).trim();
        }
        Optional<Integer> version = Optional.empty();
        List<String> raw = new ArrayList<>();
        String[] words = text.toLowerCase(Locale.ROOT).split("[\\s\\-_/,]+");
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (word.isEmpty()) {
                continue;
            }
            Matcher nv = NAME_VERSION.matcher(word);
            if (nv.matches()) {
                version = Optional.of(Integer.parseInt(nv.group(1)));
                continue;
            }
            // "Claude Instant V1 100K": a size after the version is a context variant
            if (version.isPresent() && context.isEmpty() && TRAILING_CONTEXT.matcher(word).matches()
                    && i == words.length - 1) {
                context = Optional.of(word);
                continue;
            }
            Matcher glued = LETTERS_THEN_DIGITS.matcher(word);
            if (glued.matches()) {
                raw.add(glued.group(1));
                raw.add(glued.group(2));
            } else {
                raw.add(word);
            }
        }
        return new ModelName(joinVersionNumbers(raw), version, context, Optional.empty(), subject.trim());
    }

    private static Set<String> joinVersionNumbers(List<String> raw) {
        Set<String> out = new LinkedHashSet<>();
        StringBuilder number = null;
        for (String token : raw) {
            if (SMALL_NUMBER.matcher(token).matches()) {
                number = number == null ? new StringBuilder(token) : number.append('.').append(token);
                continue;
            }
            if (number != null) {
                out.add(number.toString());
                number = null;
            }
            if (!PROVIDER_WORDS.contains(token)) {
                out.add(token);
            }
        }
        if (number != null) {
            out.add(number.toString());
        }
        return out;
    }

    /** Same model, same version, same context variant. */
    public boolean sameModel(ModelName other) {
        return sameLineage(other) && sameVersion(other) && contextLength.equals(other.contextLength);
    }

    /** Same model line whatever the version or context variant: "Claude 3.5 Sonnet" and "Claude 3.5 Sonnet V2". */
    public boolean sameLineage(ModelName other) {
        Set<String> mine = withoutProviders(tokens, other);
        Set<String> theirs = withoutProviders(other.tokens, other);
        return covers(mine, theirs) && covers(theirs, mine);
    }

    /** Drops a provider word that the provider list does not know ("Acme" in "Acme Rocket 3.5") on either side. */
    private Set<String> withoutProviders(Set<String> words, ModelName other) {
        Set<String> out = new LinkedHashSet<>(words);
        provider.ifPresent(out::remove);
        other.provider.ifPresent(out::remove);
        return out;
    }

    private boolean sameVersion(ModelName other) {
        return effectiveVersion() == other.effectiveVersion();
    }

    /** A name without a version means the first one; ids spell the first as v0 or v1. */
    private int effectiveVersion() {
        return version.map(v -> Math.max(v, 1)).orElse(1);
    }

    /** Shares a model word ("claude", "nova", "sonnet"): another model of the same family, plausibly meant. */
    public boolean sharesWord(ModelName other) {
        return tokens.stream().anyMatch(t -> t.length() >= 4 && t.chars().allMatch(Character::isLetter)
                && other.tokens.contains(t));
    }

    private static boolean covers(Set<String> mine, Set<String> theirs) {
        for (String token : mine) {
            if (theirs.stream().noneMatch(t -> sameToken(token, t))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameToken(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        // "embed" vs "embeddings"; numbers never match by prefix ("4" is not "4.5")
        boolean alphabetic = a.chars().allMatch(Character::isLetter) && b.chars().allMatch(Character::isLetter);
        return alphabetic && Math.min(a.length(), b.length()) >= 4 && (a.startsWith(b) || b.startsWith(a));
    }

    /** The "Claude" generation number read from the tokens, e.g. 4.5 for Sonnet 4.5; 0 when there is none. */
    public double generation() {
        return tokens.stream()
                .filter(t -> t.matches("\\d+(\\.\\d+)?"))
                .mapToDouble(Double::parseDouble)
                .findFirst()
                .orElse(0);
    }

    @Override
    public String toString() {
        return display;
    }
}
