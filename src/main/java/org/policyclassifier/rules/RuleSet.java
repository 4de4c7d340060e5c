package org.policyclassifier.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.errors.Problem;

/**
 * The policy: every rule file of a folder, compiled at run time so that an edit takes effect on
 * the next run, and the metadata ({@code @id}, {@code @source}, {@code @note}) of every rule.
 */
public final class RuleSet {

    /** {@code rule "RESP-002 Tertiary prevention is led locally"}: an id, a space, a sentence. */
    private static final Pattern RULE_LINE = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"");
    private static final Pattern ID_AND_TITLE = Pattern.compile("([A-Z]+-\\d{3})\\s+(\\S.*)");
    private static final String RULE_SUFFIX = ".drl";
    private static final String KJAR_FOLDER = "src/main/resources/";
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");
    private static final AtomicLong BUILDS = new AtomicLong();

    private final KieBase kieBase;
    private final Map<String, RuleInfo> byName;
    /** The same, by the engine's own rule objects: explanations look rules up per firing. */
    private final Map<Rule, RuleInfo> byRule = new IdentityHashMap<>();

    private RuleSet(KieBase kieBase, Map<String, RuleInfo> byName) {
        this.kieBase = kieBase;
        this.byName = byName;
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                byRule.put(rule, byName.get(rule.getPackageName() + "/" + rule.getName()));
            }
        }
    }

    /** Compiles every rule file of {@code rulesDir}; throws with every problem of every file. */
    public static RuleSet compile(Path rulesDir) throws InvalidInputException {
        return compile(rulesDir, null);
    }

    /**
     * As {@link #compile(Path)}, but when {@code cacheDir} is not null, rule files whose content
     * was compiled before are loaded from the compiled form kept there (see {@link CompiledRules}).
     */
    public static RuleSet compile(Path rulesDir, Path cacheDir) throws InvalidInputException {
        List<Path> files = ruleFiles(rulesDir);
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, String> displayName = new HashMap<>();
        Map<String, Map<String, Integer>> ruleLines = new HashMap<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            String text = read(file);
            texts.put(name, text);
            displayName.put(name, file.toString());
            ruleLines.put(name, ruleLines(text));
        }
        CompiledRules cache = cacheDir == null ? null : new CompiledRules(cacheDir, texts);
        KieBase kieBase = cache == null ? null : cache.load();
        List<Problem> problems = new ArrayList<>();
        if (kieBase == null) {
            kieBase = build(texts, displayName);
            if (cache != null) {
                cache.store(kieBase);
            }
        }
        Map<String, RuleInfo> byName = new LinkedHashMap<>();
        Map<String, RuleInfo> byId = new HashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                String fileName = fileOf(rule, ruleLines);
                int line = ruleLines.getOrDefault(fileName, Map.of()).getOrDefault(rule.getName(), 0);
                RuleInfo info = describe(rule, displayName.getOrDefault(fileName, fileName), line, problems);
                if (info == null) {
                    continue;
                }
                RuleInfo previous = byId.putIfAbsent(info.id(), info);
                if (previous != null) {
                    problems.add(new Problem(info.file(), info.line(), "rule id " + info.id()
                            + " is already used at " + previous.file() + ":" + previous.line()));
                }
                byName.put(rule.getPackageName() + "/" + rule.getName(), info);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(sorted(problems));
        }
        return new RuleSet(kieBase, byName);
    }

    private static KieBase build(Map<String, String> texts, Map<String, String> displayName)
            throws InvalidInputException {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        // A fresh release id per build: tests compile many rule folders in one JVM.
        ReleaseId releaseId = ks.newReleaseId("org.policyclassifier", "policy", "1." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(releaseId);
        texts.forEach((name, text) -> kfs.write(KJAR_FOLDER + packageFolder(text) + name, text));
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<Problem> problems = new ArrayList<>();
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            CompileMessages.translate(message, displayName).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(sorted(problems));
        }
        KieBase kieBase = ks.newKieContainer(releaseId).getKieBase();
        ks.getRepository().removeKieModule(releaseId);
        return kieBase;
    }

    public KieBase kieBase() {
        return kieBase;
    }

    /** The metadata of a compiled rule. */
    public RuleInfo info(Rule rule) {
        RuleInfo info = byRule.get(rule);
        return info != null ? info : byName.get(rule.getPackageName() + "/" + rule.getName());
    }

    /** Every rule, by file and line. */
    public List<RuleInfo> rules() {
        return byName.values().stream()
                .sorted(Comparator.comparing(RuleInfo::file).thenComparingInt(RuleInfo::line))
                .toList();
    }

    private static RuleInfo describe(Rule rule, String file, int line, List<Problem> problems) {
        Map<String, Object> meta = rule.getMetaData();
        Matcher m = ID_AND_TITLE.matcher(rule.getName());
        String where = "rule \"" + rule.getName() + "\"";
        int before = problems.size();
        if (!m.matches()) {
            problems.add(new Problem(file, line, where + ": the name must start with a stable id and a sentence, "
                    + "e.g. \"DEM-004 Harm reduction is tertiary prevention\""));
        }
        String id = text(meta.get("id"));
        String source = text(meta.get("source"));
        if (id == null) {
            problems.add(new Problem(file, line, where + " has no @id(\"...\")"));
        } else if (m.matches() && !m.group(1).equals(id)) {
            problems.add(new Problem(file, line, where + ": @id(\"" + id + "\") does not match the id in its name, "
                    + m.group(1)));
        }
        if (source == null) {
            problems.add(new Problem(file, line, where + " has no @source(\"...\") quoting the profile sentence it rests on"));
        }
        if (problems.size() > before) {
            return null;
        }
        return new RuleInfo(id, rule.getName(), m.group(2), source, text(meta.get("note")), file, line);
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String s = value.toString().strip();
        return s.isEmpty() ? null : s;
    }

    private static List<Path> ruleFiles(Path rulesDir) throws InvalidInputException {
        if (!Files.isDirectory(rulesDir)) {
            throw new InvalidInputException(new Problem(rulesDir.toString(), 0, "rules folder not found"));
        }
        List<Path> rules = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try (Stream<Path> entries = Files.list(rulesDir)) {
            for (Path entry : entries.sorted().toList()) {
                String name = entry.getFileName().toString();
                if (Files.isDirectory(entry) || name.endsWith(".md") || name.startsWith(".")) {
                    continue; // tests/ and notes for staff live beside the rules
                }
                if (name.endsWith(RULE_SUFFIX)) {
                    rules.add(entry);
                } else {
                    problems.add(new Problem(entry.toString(), 0, "not a rule file: rule files end in "
                            + RULE_SUFFIX + " (Drools would silently ignore this one)"));
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException(new Problem(rulesDir.toString(), 0, "cannot list: " + e.getMessage()));
        }
        if (rules.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(rulesDir.toString(), 0, "no rule files (*" + RULE_SUFFIX + ") in this folder"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return rules;
    }

    private static String read(Path file) throws InvalidInputException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException(new Problem(file.toString(), 0, "cannot read: " + e.getMessage()));
        }
    }

    /** Drools warns when a file's folder differs from its package; the folder follows the package. */
    private static String packageFolder(String text) {
        Matcher m = PACKAGE.matcher(text);
        return m.find() ? m.group(1).replace('.', '/') + "/" : "";
    }

    private static Map<String, Integer> ruleLines(String text) {
        Map<String, Integer> lines = new HashMap<>();
        String[] all = text.split("\n", -1);
        for (int i = 0; i < all.length; i++) {
            Matcher m = RULE_LINE.matcher(all[i]);
            if (m.find()) {
                lines.putIfAbsent(m.group(1), i + 1);
            }
        }
        return lines;
    }

    private static String fileOf(Rule rule, Map<String, Map<String, Integer>> ruleLines) {
        if (rule instanceof org.drools.base.definitions.rule.impl.RuleImpl impl && impl.getResource() != null
                && impl.getResource().getSourcePath() != null) {
            String path = impl.getResource().getSourcePath();
            return path.substring(path.lastIndexOf('/') + 1);
        }
        return ruleLines.entrySet().stream().filter(e -> e.getValue().containsKey(rule.getName()))
                .map(Map.Entry::getKey).findFirst().orElse("?");
    }

    private static List<Problem> sorted(List<Problem> problems) {
        return problems.stream().sorted(Comparator.comparing((Problem p) -> String.valueOf(p.file()))
                .thenComparingInt(Problem::line)).distinct().toList();
    }
}
