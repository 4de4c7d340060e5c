package org.policyclassifier.batch;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.policyclassifier.classify.Case;
import org.policyclassifier.rules.FieldReads;

/**
 * What the rules concluded for each distinct case as the rules read it (a {@link #key}), within a
 * budget of bytes. Rules derive from the case alone, so a record whose case equals an earlier one
 * but for what the rules do not read gets the same decision: looking it up costs a hash, running
 * the rules tens of microseconds. Two generations approximate "least recently used first out"
 * without a lock on the look-up path, which every record takes: new entries go to the young
 * generation; when it has used half the budget it becomes the old one and the previous old one is
 * dropped; a hit in the old generation moves the entry back to the young one.
 */
final class DecisionCache {

    /** Estimated bytes of a key and the map's own entry, beside the rendered bytes. */
    private static final int ENTRY_OVERHEAD = 200;

    private final long half;
    private volatile Map<Object, Result> young = new ConcurrentHashMap<>();
    private volatile Map<Object, Result> old = Map.of();
    private final AtomicLong youngBytes = new AtomicLong();

    DecisionCache(long budget) {
        this.half = budget / 2;
    }

    /**
     * What the rules read of a case, as {@link FieldReads} derives it from the rules of the run:
     * a compared field by value, a copied one by value where a guard of a pattern binding it holds
     * (else, like a field only tested for null, by whether it is null), an unread one not at all;
     * the kind and subject always, as every decision names them. Not the case id, which each record
     * fills in. The municipality counts at least by whether it is null: the name of the local
     * authorities holds it, which the engine, not a rule, fills in, and a batch writes each
     * record's own into a decision it shares (see {@link DecisionFormat#MUNICIPALITY}).
     */
    static Keys keys(FieldReads reads) {
        List<Field> fields = new ArrayList<>();
        for (RecordComponent component : Case.class.getRecordComponents()) {
            String name = component.getName();
            FieldReads.Read read = ALWAYS.contains(name) ? FieldReads.Read.COMPARED : reads.read(name);
            if (name.equals(MUNICIPALITY) && read == FieldReads.Read.UNREAD) {
                read = FieldReads.Read.NULL_TESTED;
            }
            if (!name.equals("caseId") && read != FieldReads.Read.UNREAD) {
                Guard[][] guards = read != FieldReads.Read.COPIED ? new Guard[0][] : reads.guards(name).stream()
                        .map(g -> g.stream().map(t -> new Guard(index(t.field()), t.literal())).toArray(Guard[]::new))
                        .toArray(Guard[][]::new);
                fields.add(new Field(index(name), read == FieldReads.Read.COMPARED, guards));
            }
        }
        return new Keys(fields.toArray(new Field[0]));
    }

    /** The field of the case whose value fills the entities' names. */
    private static final String MUNICIPALITY = "municipality";

    /** Fields every decision names, read or not by the rules. */
    private static final Set<String> ALWAYS = Set.of("kind", "subject");
    private static final Object NOT_NULL = new Object();
    private static final List<String> FIELDS = Arrays.stream(Case.class.getRecordComponents())
            .map(RecordComponent::getName).toList();
    private static final List<Function<Case, Object>> ACCESSORS = accessors();

    /**
     * Each field's accessor as a function, as a lambda {@code Case::field} is made: every record's
     * key calls them, and a call through a method handle that is not a constant costs several times more.
     */
    @SuppressWarnings("unchecked")
    private static List<Function<Case, Object>> accessors() {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        List<Function<Case, Object>> functions = new ArrayList<>();
        try {
            for (RecordComponent component : Case.class.getRecordComponents()) {
                MethodHandle accessor = lookup.unreflect(component.getAccessor());
                functions.add((Function<Case, Object>) LambdaMetafactory.metafactory(lookup, "apply",
                        MethodType.methodType(Function.class), MethodType.methodType(Object.class, Object.class),
                        accessor, accessor.type()).getTarget().invokeExact());
            }
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        return List.copyOf(functions);
    }

    private static int index(String field) {
        return FIELDS.indexOf(field);
    }

    /** A test of a guard: field {@code index} equals {@code literal}, or is not null when it is null. */
    private record Guard(int index, String literal) {
        boolean holds(Object[] values) {
            return literal == null ? values[index] != null : literal.equals(values[index]);
        }
    }

    /**
     * A field of the key: by its value when {@code compared}, or where one of its {@code guards}
     * holds (a copied field; none for a field only tested for null); else by whether it is null.
     */
    private record Field(int index, boolean compared, Guard[][] guards) {
    }

    /** Makes the keys of one run's cases. */
    static final class Keys {
        private final Field[] fields;
        /** The fields a key reads, its own and its guards': the others' accessors are not called. */
        private final int[] read;

        private Keys(Field[] fields) {
            this.fields = fields;
            this.read = Arrays.stream(fields).flatMapToInt(f -> IntStream.concat(IntStream.of(f.index()),
                    Arrays.stream(f.guards()).flatMap(Arrays::stream).mapToInt(Guard::index))).distinct().toArray();
        }

        Object key(Case c) {
            Object[] values = new Object[FIELDS.size()];
            for (int i : read) {
                values[i] = ACCESSORS.get(i).apply(c);
            }
            Object[] key = new Object[fields.length];
            for (int i = 0; i < fields.length; i++) {
                Field f = fields[i];
                Object value = values[f.index()];
                boolean byValue = f.compared() || anyHolds(f.guards(), values);
                key[i] = byValue || value == null ? value : NOT_NULL;
            }
            return new CaseKey(key);
        }

        private static boolean anyHolds(Guard[][] guards, Object[] values) {
            for (Guard[] guard : guards) {
                boolean holds = true;
                for (Guard g : guard) {
                    holds &= g.holds(values);
                }
                if (holds) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The values of a key, compared one by one (mostly the vocabulary's own strings, equal by identity); its hash computed once, as a look-up may take two. */
    private static final class CaseKey {
        private final Object[] values;
        private final int hash;

        CaseKey(Object[] values) {
            this.values = values;
            this.hash = Arrays.hashCode(values);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CaseKey k && k.hash == hash && Arrays.equals(values, k.values);
        }
    }

    boolean enabled() {
        return half > 0;
    }

    /** The entry for {@code key}, or null. */
    Result get(Object key) {
        Result r = young.get(key);
        if (r == null) {
            r = old.get(key);
            if (r != null) {
                put(key, r);
            }
        }
        return r;
    }

    void put(Object key, Result result) {
        if (young.putIfAbsent(key, result) == null
                && youngBytes.addAndGet(result.size() + ENTRY_OVERHEAD) > half) {
            synchronized (this) {
                if (youngBytes.get() > half) {
                    old = young;
                    young = new ConcurrentHashMap<>();
                    youngBytes.set(0);
                }
            }
        }
    }
}
