package org.policyclassifier.classify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.policyclassifier.classify.Decision.ActorEntry;
import org.policyclassifier.classify.Decision.FlagEntry;
import org.policyclassifier.classify.Decision.LevelEntry;
import org.policyclassifier.classify.Decision.OverrideEntry;
import org.policyclassifier.facts.Words;

/**
 * Writes a decision's texts (roles, entities, actors, flag details, override reasons, the
 * coordinating body) from the ids its conclusions carry, in one language of {@code facts/words/}.
 * The rules and the engine decide in ids; this is where the ids become words.
 */
public final class DecisionWording {

    /** The parameter of an entity's name that the case's municipality fills. */
    public static final String MUNICIPALITY = "municipality";
    /** A flag parameter that holds the id of a lead reason, written in the flag's language too. */
    static final String REASON = "reason";

    private final Words words;

    public DecisionWording(Words words) {
        this.words = words;
    }

    public Words words() {
        return words;
    }

    /** The decision with every text in {@code language}; its ids, and everything else, unchanged. */
    public Decision in(Decision d, String language) {
        List<LevelEntry> levels = new ArrayList<>(d.levels().size());
        for (LevelEntry l : d.levels()) {
            levels.add(new LevelEntry(l.level(), role(l.roleIds(), language),
                    l.entityId() == null ? null : words.text(language, Words.ENTITIES, l.entityId(),
                            withPlaceNames(l.entityArgs(), language)),
                    l.roleIds(), l.entityId(), l.entityArgs()));
        }
        List<ActorEntry> actors = d.actors().stream()
                .map(a -> new ActorEntry(words.text(language, Words.ACTORS, a.id()), a.level(), a.id())).toList();
        List<FlagEntry> flags = d.flagDetails().stream()
                .map(f -> new FlagEntry(f.code(), detail(f, language), f.rule(), f.detailId(), f.args())).toList();
        List<OverrideEntry> overrides = d.overrides().stream()
                .map(o -> new OverrideEntry(o.rule(), o.overrides(), o.level(),
                        words.text(language, Words.REASONS, o.reasonId()), o.reasonId())).toList();
        String coordination = d.coordinationId() == null ? null
                : words.text(language, Words.BODIES, d.coordinationId());
        return new Decision(d.id(), d.kind(), d.subject(), d.axis(), d.tier(), d.leadLevel(), List.copyOf(levels),
                actors, coordination, d.flags(), flags, overrides, d.conflictingClaims(), d.place(), d.explanation(),
                d.match(), d.coordinationId());
    }

    /**
     * The name of a level's entity in {@code language} cut where its {@link #municipalityOf
     * municipality} goes: the texts around it (see {@link Words#textAround}), which joined with it
     * make the name {@link #in} writes; one text when the name holds none.
     */
    public List<String> aroundMunicipality(LevelEntry level, String language) {
        return municipalityOf(level) == null
                ? List.of(words.text(language, Words.ENTITIES, level.entityId(), level.entityArgs()))
                : words.textAround(language, Words.ENTITIES, level.entityId(), level.entityArgs(), MUNICIPALITY);
    }

    /** The municipality the name of a level's entity is given as its parameter; null without a municipality or an entity. */
    public static String municipalityOf(LevelEntry level) {
        List<String> args = level.entityArgs();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            if (args.get(i).equals(MUNICIPALITY)) {
                return args.get(i + 1);
            }
        }
        return null;
    }

    /** An entity's parameters with the municipality named in {@code language} (Gent, Gand). */
    private List<String> withPlaceNames(List<String> args, String language) {
        List<String> named = null;
        for (int i = 0; i + 1 < args.size(); i += 2) {
            if (args.get(i).equals(MUNICIPALITY)) {
                String name = words.placeName(language, args.get(i + 1));
                if (!name.equals(args.get(i + 1))) {
                    named = named == null ? new ArrayList<>(args) : named;
                    named.set(i + 1, name);
                }
            }
        }
        return named == null ? args : named;
    }

    /** A level's roles, each text once, in the order the rules gave them. */
    private String role(List<String> roleIds, String language) {
        if (roleIds.size() == 1) {
            return words.text(language, Words.ROLES, roleIds.get(0));
        }
        Set<String> texts = new LinkedHashSet<>();
        roleIds.forEach(id -> texts.add(words.text(language, Words.ROLES, id)));
        return String.join("; ", texts);
    }

    private String detail(FlagEntry f, String language) {
        List<String> args = f.args();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            if (args.get(i).equals(REASON)) {
                List<String> written = new ArrayList<>(args);
                written.set(i + 1, words.text(language, Words.REASONS, args.get(i + 1)));
                args = written;
            }
        }
        return words.text(language, Words.FLAGS, f.detailId(), args);
    }
}
