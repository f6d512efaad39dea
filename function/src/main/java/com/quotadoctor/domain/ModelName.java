package com.quotadoctor.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model as Service Quotas names it or as a model id spells it, reduced to typed words so the two
 * can be set against each other.
 *
 * <p>No AWS API maps a model id to its quotas, and the names share only part of their words with
 * the ids ({@code meta.llama4-maverick-17b-instruct-v1:0} is "Meta Llama 4 Maverick V1",
 * {@code mistral.pixtral-large-2502-v1:0} is "Mistral Pixtral Large 25.02 V1"). {@link #fit} scores a
 * quota's model name against a model id: every distinctive word of the name must be found in the id
 * (a look-alike such as "Nova 2 Lite" for {@code nova-lite} or "Sonnet 4.5" for {@code sonnet-4} is
 * refused outright), while words an id carries and names drop (sizes, dates, "instruct") only lower
 * the score, so the closest sibling wins the ranking in {@link QuotaMatcher}.
 *
 * @param words         the name's words in order, provider words removed
 * @param version       the model version ({@code V2}, {@code -v2:0}); empty when none is written
 * @param apiVersioned  true for ids ending in {@code :N}: their trailing {@code -vN} is a model version for sure
 * @param contextLength a context-length variant such as {@code 1m}; empty for the standard model
 * @param provider      the canonical provider ({@code moonshot} for {@code moonshotai.}); empty when the text names none
 * @param fromId        true when read from a model id, false when read from a quota name
 * @param display       the text this was read from
 */
public record ModelName(List<Word> words, Optional<Integer> version, boolean apiVersioned,
                        Optional<String> contextLength, Optional<String> provider, boolean fromId, String display) {

    /** One word of a model name and what kind of fact it states. */
    public record Word(String text, Kind kind) {
        /** What a word says about the model. */
        public enum Kind {
            /** letters only: a family or line ("sonnet", "maverick", "flash") */
            NAME,
            /** a generation or release number ("3.5", "4", "25.02") */
            NUMBER,
            /** a parameter count or size ("17b", "8x7b") */
            SIZE,
            /** a year-month release tag ("2402", "2507") */
            DATE,
            /** letters and digits ("k2", "r1", "v3", "m2.1") */
            CODE,
            /** words that never tell two models apart ("instruct", "it", "a22b" active parameters) */
            FILLER
        }
    }

    /** Provider words, as ids and names spell them, to one canonical provider. */
    private static final Map<String, String> PROVIDERS = Map.ofEntries(
            Map.entry("anthropic", "anthropic"), Map.entry("amazon", "amazon"), Map.entry("meta", "meta"),
            Map.entry("mistral", "mistral"), Map.entry("cohere", "cohere"), Map.entry("ai21", "ai21"),
            Map.entry("deepseek", "deepseek"), Map.entry("openai", "openai"), Map.entry("qwen", "qwen"),
            Map.entry("writer", "writer"), Map.entry("stability", "stability"), Map.entry("twelvelabs", "twelvelabs"),
            Map.entry("twelve", "twelvelabs"), Map.entry("luma", "luma"), Map.entry("google", "google"),
            Map.entry("minimax", "minimax"), Map.entry("moonshot", "moonshot"), Map.entry("moonshotai", "moonshot"),
            Map.entry("nvidia", "nvidia"), Map.entry("zai", "zai"), Map.entry("z.ai", "zai"));
    /** Words that follow a provider word and belong to it ("Mistral AI", "AI21 Labs", "Twelve Labs"). */
    private static final Set<String> PROVIDER_TAILS = Set.of("ai", "labs");
    private static final Set<String> FILLER = Set.of("instruct", "it", "chat", "g1");
    /** Words an id may carry that AWS's quota names drop ("Twelve Labs Marengo" for {@code marengo-embed-2-7}). */
    private static final Set<String> DROPPED_BY_NAMES = Set.of("embed");
    /** Brand words a provider puts before its models' names ("Stable Image Conservative Upscale"). */
    private static final Map<String, Set<String>> BRAND_WORDS = Map.of("stability", Set.of("stable", "image"));
    /**
     * Ids whose quota name shares no distinctive word with them: the name, as AWS lists it, stands in
     * for the id's words (source: the Service Quotas catalogue, see the catalogue fixture).
     */
    private static final Map<String, String> NAMED_OTHERWISE = Map.of(
            "amazon.titan-embed-image", "Amazon Titan Multimodal Embeddings G1");

    private static final Pattern DATE8 = Pattern.compile("^\\d{8}$");
    private static final Pattern SMALL_NUMBER = Pattern.compile("^\\d{1,2}$");
    private static final Pattern V_NUMBER = Pattern.compile("^v(\\d+)$");
    private static final Pattern GLUED = Pattern.compile("^([a-z]{3,})(\\d+(?:\\.\\d+)?)$");
    private static final Pattern NUMBER = Pattern.compile("^\\d+(\\.\\d+)*$");
    private static final Pattern SIZE = Pattern.compile("^\\d+(\\.\\d+)?[bkm]$|^\\d+x\\d+b+$");
    private static final Pattern ACTIVE = Pattern.compile("^a\\d+b$");
    private static final Pattern DATE = Pattern.compile("^\\d{4}$|^\\d{6}$");
    private static final Pattern ID_VERSION = Pattern.compile("-v(\\d+)$");
    private static final Pattern NAME_CONTEXT = Pattern.compile("(\\d+\\s*[km])\\s+context(\\s+length)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAILING_CONTEXT = Pattern.compile("^\\d+[km]$");

    public ModelName {
        words = List.copyOf(words);
    }

    /** Whether a model id's first part names a model provider ({@code anthropic}, {@code moonshotai}, …). */
    public static boolean isProvider(String word) {
        return PROVIDERS.containsKey(word) && !word.contains(".");
    }

    /** Reads a model id's name part, e.g. {@code claude-3-5-sonnet-20240620-v1:0} of provider {@code anthropic}. */
    public static ModelName fromModelId(String provider, String idWithoutProvider) {
        String lowerProvider = provider.toLowerCase(Locale.ROOT);
        String[] parts = idWithoutProvider.toLowerCase(Locale.ROOT).split(":");
        String id = parts[0];
        boolean apiVersioned = parts.length > 1 && parts[1].matches("\\d+");
        Optional<String> context = parts.length > 2 && TRAILING_CONTEXT.matcher(parts[2]).matches()
                ? Optional.of(parts[2]) : Optional.empty();
        Optional<Integer> version = Optional.empty();
        Matcher v = ID_VERSION.matcher(id);
        if (v.find()) {
            version = Optional.of(Integer.parseInt(v.group(1)));
            id = id.substring(0, v.start());
        }
        String canonical = PROVIDERS.getOrDefault(lowerProvider, lowerProvider);
        String alias = NAMED_OTHERWISE.get(lowerProvider + "." + id);
        List<String> raw = new ArrayList<>();
        for (String part : (alias != null ? alias.toLowerCase(Locale.ROOT) : id).split("[-_/\\s]+")) {
            if (!part.isEmpty() && !DATE8.matcher(part).matches()) {
                split(part, raw);
            }
        }
        List<String> joined = joinNumbers(raw);
        // "gpt-oss-120b-1:0": a bare number after a size or word, before the API version, is the model version
        if (version.isEmpty() && apiVersioned && joined.size() > 1) {
            String last = joined.get(joined.size() - 1);
            String before = joined.get(joined.size() - 2);
            if (last.matches("\\d+") && !NUMBER.matcher(before).matches()) {
                version = Optional.of(Integer.parseInt(last));
                joined.remove(joined.size() - 1);
            }
        }
        return new ModelName(typed(joined, canonical), version, apiVersioned, context, Optional.of(canonical), true,
                provider + "." + idWithoutProvider);
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
        List<String> tokens = new ArrayList<>(List.of(text.toLowerCase(Locale.ROOT).split("[\\s\\-_/,]+")));
        tokens.removeIf(String::isEmpty);
        // "Claude Instant V1 100K": a size after the version is a context variant
        if (context.isEmpty() && tokens.size() > 1 && TRAILING_CONTEXT.matcher(tokens.get(tokens.size() - 1)).matches()
                && V_NUMBER.matcher(tokens.get(tokens.size() - 2)).matches()) {
            context = Optional.of(tokens.remove(tokens.size() - 1));
        }
        // the last "Vn" is the version; an earlier one is part of the name ("DeepSeek V3 V1")
        Optional<Integer> version = Optional.empty();
        for (int i = tokens.size() - 1; i >= 0; i--) {
            Matcher nv = V_NUMBER.matcher(tokens.get(i));
            if (nv.matches()) {
                version = Optional.of(Integer.parseInt(nv.group(1)));
                tokens.remove(i);
                break;
            }
        }
        Optional<String> provider = tokens.isEmpty() ? Optional.empty() : Optional.ofNullable(PROVIDERS.get(glueless(tokens.get(0))));
        List<String> raw = new ArrayList<>();
        tokens.forEach(t -> split(t, raw));
        return new ModelName(typed(joinNumbers(raw), provider.orElse("")), version, false, context, provider, false,
                subject.trim());
    }

    private static String glueless(String token) {
        Matcher glued = GLUED.matcher(token);
        return glued.matches() ? glued.group(1) : token;
    }

    /** "llama3" → llama 3, "reel1.0" → reel 1.0; "k2", "r1" and "v3" stay whole. */
    private static void split(String part, List<String> out) {
        Matcher glued = GLUED.matcher(part);
        if (glued.matches()) {
            out.add(glued.group(1));
            out.add(glued.group(2));
        } else {
            out.add(part);
        }
    }

    /** "3 5" → 3.5 ({@code claude-3-5-sonnet}); "v3 5" → 3.5 ({@code rerank-v3-5}). */
    private static List<String> joinNumbers(List<String> raw) {
        List<String> out = new ArrayList<>();
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
            out.add(token);
        }
        if (number != null) {
            out.add(number.toString());
        }
        List<String> merged = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            Matcher vn = V_NUMBER.matcher(out.get(i));
            if (vn.matches() && i + 1 < out.size() && out.get(i + 1).matches("\\d{1,2}")) {
                merged.add(vn.group(1) + "." + out.get(++i));
            } else {
                merged.add(out.get(i));
            }
        }
        return merged;
    }

    private static List<Word> typed(List<String> tokens, String provider) {
        List<Word> out = new ArrayList<>();
        boolean afterProvider = false;
        for (String token : tokens) {
            if (PROVIDERS.containsKey(token) || (afterProvider && PROVIDER_TAILS.contains(token))) {
                afterProvider = true;
                continue;
            }
            afterProvider = false;
            out.add(new Word(token, kindOf(token, BRAND_WORDS.getOrDefault(provider, Set.of()))));
        }
        return out;
    }

    private static Word.Kind kindOf(String token, Set<String> brand) {
        if (FILLER.contains(token) || brand.contains(token) || ACTIVE.matcher(token).matches()) {
            return Word.Kind.FILLER;
        }
        if (DATE.matcher(token).matches()) {
            return Word.Kind.DATE;
        }
        if (NUMBER.matcher(token).matches()) {
            return Word.Kind.NUMBER;
        }
        if (SIZE.matcher(token).matches()) {
            return Word.Kind.SIZE;
        }
        if (token.chars().allMatch(ch -> Character.isLetter(ch) || ch == '.')) {
            return Word.Kind.NAME;
        }
        return Word.Kind.CODE;
    }

    /**
     * How well this quota name fits the model id {@code call}: empty when the name states something the
     * id contradicts or lacks (another number, size, version, context length or word), else a score
     * where higher is closer.
     */
    public OptionalDouble fit(ModelName call) {
        ModelName name = this;
        if (!name.contextLength.equals(call.contextLength)) {
            return OptionalDouble.empty();
        }
        if (name.provider.isPresent() && !name.provider.get().isEmpty() && call.provider.isPresent()
                && !name.provider.equals(call.provider)) {
            return OptionalDouble.empty();
        }
        List<Word> theirs = new ArrayList<>(call.words);
        boolean[] used = new boolean[theirs.size()];
        boolean versionUsed = false;
        double score = 0;
        int distinctive = 0;
        List<Word> unmatched = new ArrayList<>();
        for (Word w : name.words) {
            int at = find(w, theirs, used);
            if (at >= 0) {
                used[at] = true;
                score += weight(w);
                distinctive += w.kind() == Word.Kind.FILLER ? 0 : 1;
            } else if (!versionUsed && w.kind() == Word.Kind.NUMBER && call.version.isPresent()
                    && Double.parseDouble(w.text()) == call.version.get()) {
                versionUsed = true; // "NVIDIA Nemotron Nano 2" for nemotron-nano-9b-v2, "Nova Reel1.0" for -v1:1
                score += 0.5;
            } else {
                unmatched.add(w);
            }
        }
        List<Word> leftover = new ArrayList<>();
        for (int i = 0; i < theirs.size(); i++) {
            if (!used[i]) {
                leftover.add(theirs.get(i));
            }
        }
        boolean callHasLooseNumber = leftover.stream().anyMatch(w -> w.kind() == Word.Kind.NUMBER);
        for (Word w : unmatched) {
            boolean releaseLabel = w.kind() == Word.Kind.NUMBER && w.text().contains(".") && isLastDistinctive(w, name.words)
                    && !callHasLooseNumber; // "Magistral Small 1.2" for magistral-small-2509
            // a provider the list does not know yet ("Acme" in "Acme Rocket" for acme.rocket-v1:0) or its brand words
            boolean brand = call.provider.map(p -> p.equals(w.text())
                    || BRAND_WORDS.getOrDefault(p, Set.of()).contains(w.text())).orElse(false);
            if (w.kind() != Word.Kind.FILLER && !releaseLabel && !brand) {
                return OptionalDouble.empty();
            }
        }
        for (Word w : leftover) {
            switch (w.kind()) {
                case FILLER -> score -= 0.25;
                case SIZE, DATE -> score -= 0.5;
                case NUMBER -> {
                    if (!isLastDistinctive(w, call.words)) {
                        return OptionalDouble.empty(); // "nova-2-lite" is not "Nova Lite"
                    }
                    score -= 0.5; // "pegasus-1-2" is "Twelve Labs Pegasus"
                }
                case NAME -> {
                    if (!DROPPED_BY_NAMES.contains(w.text())) {
                        return OptionalDouble.empty();
                    }
                    score -= 0.25;
                }
                default -> {
                    return OptionalDouble.empty();
                }
            }
        }
        if (!versionFits(call, versionUsed)) {
            return OptionalDouble.empty();
        }
        if (name.version.isPresent() && name.version.equals(call.version)) {
            score += 1;
        }
        return distinctive == 0 ? OptionalDouble.empty() : OptionalDouble.of(score);
    }

    private boolean versionFits(ModelName call, boolean versionSpelledAsNumber) {
        int mine = version.orElse(1);
        int theirs = call.version.orElse(1);
        if (version.isPresent() && call.version.isPresent()) {
            return mine == theirs || (mine <= 1 && theirs <= 1);
        }
        if (version.isPresent()) {
            return mine <= 1;
        }
        // the name writes no version: fine for a first version, for "Nemotron Nano 2" (-v2),
        // and for ids whose "-v3" is part of the name (cohere.embed-english-v3, no ":0")
        return theirs <= 1 || versionSpelledAsNumber || !call.apiVersioned;
    }

    private static boolean isLastDistinctive(Word w, List<Word> words) {
        for (int i = words.size() - 1; i >= 0; i--) {
            if (words.get(i).kind() != Word.Kind.FILLER) {
                return words.get(i) == w;
            }
        }
        return false;
    }

    private static int find(Word w, List<Word> theirs, boolean[] used) {
        for (int i = 0; i < theirs.size(); i++) {
            if (!used[i] && sameWord(w.text(), theirs.get(i).text())) {
                return i;
            }
        }
        return -1;
    }

    private static double weight(Word w) {
        return switch (w.kind()) {
            case NAME, CODE -> 3;
            case FILLER -> 0.5;
            default -> 2;
        };
    }

    static boolean sameWord(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        boolean numericA = NUMBER.matcher(a).matches();
        boolean numericB = NUMBER.matcher(b).matches();
        if (numericA && numericB) {
            String digitsA = a.replace(".", "");
            return (digitsA.length() >= 3 && digitsA.equals(b.replace(".", ""))) // "25.02" is 2502
                    || Double.parseDouble(a) == Double.parseDouble(b); // "3" is "3.0"
        }
        if (numericA || numericB) {
            return false;
        }
        // "embed" vs "embeddings", "8x7b" vs AWS's "8x7bb"; short codes never match by prefix ("k2" is not "k2.5")
        boolean hasLetters = a.chars().anyMatch(Character::isLetter) && b.chars().anyMatch(Character::isLetter);
        return hasLetters && !a.contains(".") && !b.contains(".") && Math.min(a.length(), b.length()) >= 4
                && (a.startsWith(b) || b.startsWith(a));
    }

    /** Same model, same version, same context variant. */
    public boolean sameModel(ModelName other) {
        if (fromId == other.fromId) {
            return words.equals(other.words) && version.orElse(1).equals(other.version.orElse(1))
                    && contextLength.equals(other.contextLength);
        }
        return fromId ? other.fit(this).isPresent() : fit(other).isPresent();
    }

    /** Same model line whatever the version or context variant: "Claude 3.5 Sonnet" and "Claude 3.5 Sonnet V2". */
    public boolean sameLineage(ModelName other) {
        return lineage().sameModel(other.lineage());
    }

    private ModelName lineage() {
        return new ModelName(words, Optional.empty(), false, Optional.empty(), provider, fromId, display);
    }

    /** Whether the two names share a distinctive word ("claude", "nova"). */
    public boolean sharesWord(ModelName other) {
        return words.stream().filter(w -> w.kind() == Word.Kind.NAME)
                .anyMatch(w -> other.words.stream().anyMatch(o -> sameWord(w.text(), o.text())));
    }

    /** The generation number read from the words, e.g. 4.5 for Sonnet 4.5; 0 when there is none. */
    public double generation() {
        return words.stream()
                .filter(w -> w.kind() == Word.Kind.NUMBER)
                .mapToDouble(w -> Double.parseDouble(w.text()))
                .findFirst()
                .orElse(0);
    }

    @Override
    public String toString() {
        return display;
    }
}
