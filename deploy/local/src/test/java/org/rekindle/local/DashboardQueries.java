package org.rekindle.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric names the Grafana dashboard's PromQL queries ({@code targets[].expr} of every panel) read. */
final class DashboardQueries {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "offset", "bool", "and", "or", "unless", "inf", "nan");

    private DashboardQueries() {
    }

    static List<String> expressions(Path dashboard) throws IOException {
        List<String> expressions = new ArrayList<>();
        new ObjectMapper().readTree(dashboard.toFile()).findValues("expr").forEach(expr -> expressions.add(expr.asText()));
        return expressions;
    }

    /** Identifiers that are neither functions (followed by '('), keywords, label matchers, groupings nor durations. */
    static Set<String> metricNames(String expression) {
        String bare = expression.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")   // string literals
                                .replaceAll("\\{[^}]*}", " ")                       // label matchers
                                .replaceAll("\\[[^]]*]", " ")                       // range selectors
                                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                                .replaceAll("\\$\\w+", " ");                         // Grafana variables
        Set<String> names = new TreeSet<>();
        Matcher identifiers = IDENTIFIER.matcher(bare);
        while (identifiers.find()) {
            String name = identifiers.group();
            boolean function = bare.substring(identifiers.end()).stripLeading().startsWith("(");
            boolean number = identifiers.start() > 0 && Character.isDigit(bare.charAt(identifiers.start() - 1));
            if (!function && !number && !KEYWORDS.contains(name.toLowerCase())) {
                names.add(name);
            }
        }
        return names;
    }

    static Set<String> metricNames(Path dashboard) throws IOException {
        Set<String> names = new TreeSet<>();
        for (String expression : expressions(dashboard)) {
            names.addAll(metricNames(expression));
        }
        return names;
    }

    static JsonNode read(Path dashboard) throws IOException {
        return new ObjectMapper().readTree(dashboard.toFile());
    }
}
