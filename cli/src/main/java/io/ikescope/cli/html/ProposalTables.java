package io.ikescope.cli.html;

import io.ikescope.session.AlgorithmNames;
import io.ikescope.session.ChildProposal;
import io.ikescope.session.IkeProposal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Offered and chosen proposals as one table, a column per attribute. An IKEv2 proposal offers every combination of
 * the algorithms it lists, so it is one row listing them per column; an IKEv1 transform is one combination, so
 * each distinct one is a row. Columns no row fills are left out.
 */
final class ProposalTables {
    private ProposalTables() {
    }

    /** One attribute: its title, the name the verdict's mismatch uses for it, and its text in a proposal. */
    private record Attribute<P>(String title, String field, Function<P, String> value) {
    }

    private static final String NONE = "\u2014";

    static Views.ProposalTable ike(int ikeVersion, List<IkeProposal> offered, IkeProposal chosen, Set<String> differs) {
        List<Attribute<IkeProposal>> attributes = List.of(
                new Attribute<>("Encryption", "encryption", IkeProposal::encryption),
                new Attribute<>("Integrity", "integrity", IkeProposal::integrity),
                new Attribute<>("PRF", "prf", IkeProposal::prf),
                new Attribute<>("Hash", "hash", IkeProposal::hash),
                new Attribute<>("DH group", "dhGroup", p -> group(ikeVersion, p.dhGroup(), null)),
                new Attribute<>("Authentication", "authMethod", IkeProposal::authMethod),
                new Attribute<>("Lifetime", "lifetimeSeconds",
                        p -> p.lifetimeSeconds() == null ? null : p.lifetimeSeconds() + " s"));
        return table(ikeVersion, attributes, offered, IkeProposal::proposal, chosen, differs);
    }

    static Views.ProposalTable child(int ikeVersion, List<ChildProposal> offered, ChildProposal chosen,
                                     Set<String> differs) {
        List<Attribute<ChildProposal>> attributes = List.of(
                new Attribute<>("Protocol", "protocol", ChildProposal::protocol),
                new Attribute<>("Encryption", "encryption", ChildProposal::encryption),
                new Attribute<>("Integrity", "integrity", ChildProposal::integrity),
                new Attribute<>("PFS group", "dhGroup", p -> group(ikeVersion, p.dhGroup(), "none")),
                new Attribute<>("ESN", "esn", p -> p.esn() == null ? null : p.esn() ? "yes" : "no"),
                new Attribute<>("Mode", "mode", ChildProposal::mode),
                new Attribute<>("Lifetime", "lifetimeSeconds",
                        p -> p.lifetimeSeconds() == null ? null : p.lifetimeSeconds() + " s"));
        return table(ikeVersion, attributes, offered, ChildProposal::proposal, chosen, differs);
    }

    /** "14 (modp2048)"; {@code absent} for no group (a child without PFS), else null. */
    private static String group(int ikeVersion, Integer group, String absent) {
        return group == null ? absent : group + " (" + AlgorithmNames.groupName(ikeVersion, group) + ")";
    }

    private static <P> Views.ProposalTable table(int ikeVersion, List<Attribute<P>> attributes, List<P> offered,
                                                 Function<P, Integer> number, P chosen, Set<String> differs) {
        List<String> labels = new ArrayList<>();
        List<List<Set<String>>> rows = new ArrayList<>();
        if (offered != null) {
            if (ikeVersion == 2) {
                Map<Integer, List<P>> byNumber = new LinkedHashMap<>();
                for (P p : offered) {
                    byNumber.computeIfAbsent(number.apply(p), k -> new ArrayList<>()).add(p);
                }
                byNumber.forEach((n, ps) -> {
                    labels.add("offered, proposal " + n);
                    rows.add(values(attributes, ps));
                });
            } else {
                Set<List<Set<String>>> distinct = new LinkedHashSet<>();
                for (P p : offered) {
                    distinct.add(values(attributes, List.of(p)));
                }
                int i = 1;
                for (List<Set<String>> row : distinct) {
                    labels.add(distinct.size() == 1 ? "offered" : "offered " + i++);
                    rows.add(row);
                }
            }
        }
        if (chosen != null) {
            labels.add("chosen");
            rows.add(values(attributes, List.of(chosen)));
        }
        List<Views.Column> columns = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        for (int a = 0; a < attributes.size(); a++) {
            int column = a;
            if (rows.stream().anyMatch(r -> !r.get(column).isEmpty())) {
                kept.add(a);
                columns.add(new Views.Column(attributes.get(a).title(), differs.contains(attributes.get(a).field())));
            }
        }
        List<Views.ProposalRow> out = new ArrayList<>();
        if (offered == null) {
            out.add(new Views.ProposalRow("offered", List.of(), false, "(not seen)"));
        }
        for (int r = 0; r < rows.size(); r++) {
            List<String> cells = new ArrayList<>();
            for (int a : kept) {
                Set<String> v = rows.get(r).get(a);
                cells.add(v.isEmpty() ? NONE : NegotiationViews.esc(String.join(", ", v)));
            }
            out.add(new Views.ProposalRow(labels.get(r), cells, r == rows.size() - 1 && chosen != null, null));
        }
        if (chosen == null) {
            out.add(new Views.ProposalRow("chosen", List.of(), true, "(none seen)"));
        }
        return new Views.ProposalTable(columns, out);
    }

    /** Per attribute, the distinct values of these proposals in order. */
    private static <P> List<Set<String>> values(List<Attribute<P>> attributes, List<P> proposals) {
        List<Set<String>> row = new ArrayList<>();
        for (Attribute<P> a : attributes) {
            Set<String> values = new LinkedHashSet<>();
            for (P p : proposals) {
                String v = a.value().apply(p);
                if (v != null) {
                    values.add(v);
                }
            }
            row.add(values);
        }
        return row;
    }
}
