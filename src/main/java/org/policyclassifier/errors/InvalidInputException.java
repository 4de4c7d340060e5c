package org.policyclassifier.errors;

import java.util.List;
import java.util.stream.Collectors;

/** Rules, facts or input files the user must fix; carries every problem found, not only the first. */
public class InvalidInputException extends Exception {

    private final List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
