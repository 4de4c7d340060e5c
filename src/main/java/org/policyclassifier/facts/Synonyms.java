package org.policyclassifier.facts;

import java.util.List;

/** Other words for an entry, per language. */
public record Synonyms(List<String> en, List<String> nl, List<String> fr, List<String> de) {

    public Synonyms {
        en = en == null ? List.of() : List.copyOf(en);
        nl = nl == null ? List.of() : List.copyOf(nl);
        fr = fr == null ? List.of() : List.copyOf(fr);
        de = de == null ? List.of() : List.copyOf(de);
    }
}
