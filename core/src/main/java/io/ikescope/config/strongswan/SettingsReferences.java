package io.ikescope.config.strongswan;

import io.ikescope.config.ConfigException;
import java.util.HashSet;
import java.util.Set;

/**
 * Resolves {@code name : other { ... }} inheritance (settings.c, strongSwan 5.7 and later): a reference is the full
 * dotted path of a section from the top ("connections.template"); referenced sections are resolved first, a loop
 * or a missing section is an error at the referencing section.
 */
final class SettingsReferences {

    private final SettingsSection root;
    private final Set<SettingsSection> done = new HashSet<>();
    private final Set<SettingsSection> inProgress = new HashSet<>();

    private SettingsReferences(SettingsSection root) {
        this.root = root;
    }

    static void resolve(SettingsSection root) throws ConfigException {
        new SettingsReferences(root).walk(root, 0);
    }

    private void walk(SettingsSection section, int depth) throws ConfigException {
        if (depth > SettingsSection.MAX_NESTING) {
            throw ValueParsers.error(section.origin(), "sections nested too deeply");
        }
        resolveOne(section);
        for (SettingsSection sub : section.sections().toArray(new SettingsSection[0])) {
            walk(sub, depth + 1);
        }
    }

    private void resolveOne(SettingsSection section) throws ConfigException {
        if (done.contains(section) || section.references().isEmpty()) {
            return;
        }
        if (!inProgress.add(section)) {
            throw ValueParsers.error(section.origin(), "section '" + section.name() + "' inherits from itself");
        }
        for (String reference : section.references()) {
            SettingsSection target = find(reference);
            if (target == null) {
                throw ValueParsers.error(section.origin(), "section '" + section.name() + "' inherits from '"
                        + reference + "', which does not exist (write the full path, e.g. connections.NAME)");
            }
            resolveOne(target);
            section.inheritMissing(target, 0);
        }
        inProgress.remove(section);
        done.add(section);
    }

    private SettingsSection find(String path) {
        SettingsSection current = root;
        for (String part : path.split("\\.")) {
            current = current.subsection(part);
            if (current == null) {
                return null;
            }
        }
        return current;
    }
}
