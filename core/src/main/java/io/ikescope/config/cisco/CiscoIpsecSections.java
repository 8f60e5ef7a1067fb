package io.ikescope.config.cisco;

import io.ikescope.config.ConfigException;
import io.ikescope.config.cisco.CiscoObjects.Interface;
import io.ikescope.config.cisco.CiscoObjects.IpsecPolicy;
import io.ikescope.config.cisco.CiscoObjects.MapEntry;
import io.ikescope.config.cisco.CiscoObjects.TransformSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** "crypto ipsec ...", "crypto map", "crypto dynamic-map", the ACLs and the interfaces. */
final class CiscoIpsecSections {
    private final CiscoSectionContext ctx;
    private final CiscoObjects objects;
    /** "set security-association lifetime seconds" takes 120-2592000 (30 days) on IOS XE. */
    static final long MAX_IPSEC_LIFETIME = 2592000;

    /** Standard (source-only) ACLs: a crypto map naming one is an error, not a missing ACL. */
    final Set<String> standardAcls = new HashSet<>();

    CiscoIpsecSections(CiscoSectionContext ctx) {
        this.ctx = ctx;
        this.objects = ctx.objects;
    }

    /** A top-level "crypto ipsec ..." line. */
    void ipsec(CiscoLine line) throws ConfigException {
        String what = ctx.required(line, 2, "transform-set, profile or security-association");
        switch (what.toLowerCase()) {
            case "transform-set" -> transformSet(line);
            case "profile" -> {
                String name = ctx.required(line, 3, "a profile name");
                IpsecPolicy profile = new IpsecPolicy(name, ctx.origin(line));
                objects.ipsecProfiles.put(name, profile);
                for (CiscoLine sub : line.children) {
                    if (!set(profile, sub, false)) {
                        ctx.notRead(sub, "crypto ipsec profile " + name);
                    }
                }
            }
            case "security-association" -> {
                if (line.startsWith("crypto", "ipsec", "security-association", "lifetime", "seconds")) {
                    objects.ipsecLifetime = ctx.at(line, ctx.number(line, 5, "a lifetime in seconds", 120, MAX_IPSEC_LIFETIME));
                } else {
                    ctx.notRead(line, "crypto ipsec security-association " + line.rest(3));
                }
            }
            default -> ctx.notRead(line, "crypto ipsec " + what);
        }
    }

    /** "crypto ipsec transform-set NAME T1 [BITS] T2 ..." with an optional " mode tunnel|transport". */
    private void transformSet(CiscoLine line) throws ConfigException {
        String name = ctx.required(line, 3, "a transform-set name");
        TransformSet set = new TransformSet(name, ctx.origin(line));
        boolean esp = false;
        List<String> ahIntegrity = new ArrayList<>();
        for (int i = 4; i < line.words.size(); i++) {
            String word = line.word(i).toLowerCase();
            String family = CiscoAlgorithms.ESP_CIPHER_FAMILY.get(word);
            if (family != null) {
                int bits = 128;
                String next = line.word(i + 1);
                if (next != null && next.matches("128|192|256")) {
                    bits = Integer.parseInt(next);
                    i++;
                }
                set.encryption.add(CiscoAlgorithms.withKeyBits(family, bits));
                esp = true;
            } else if (CiscoAlgorithms.ESP_CIPHER.containsKey(word)) {
                set.encryption.add(CiscoAlgorithms.ESP_CIPHER.get(word));
                esp = true;
            } else if (CiscoAlgorithms.ESP_INTEGRITY.containsKey(word)) {
                set.integrity.add(CiscoAlgorithms.ESP_INTEGRITY.get(word));
                esp = true;
            } else if (CiscoAlgorithms.AH_INTEGRITY.containsKey(word)) {
                ahIntegrity.add(CiscoAlgorithms.AH_INTEGRITY.get(word));
            } else if (word.equals("comp-lzs")) {
                ctx.warn(line, "transform-set " + name + ": IPComp (comp-lzs) not read");
            } else {
                throw ctx.error(line, "transform-set " + name + ": unknown transform '" + line.word(i)
                        + "' (expected esp-aes [128|192|256], esp-gcm, esp-gmac, esp-3des, esp-des, esp-null, "
                        + "esp-md5-hmac, esp-sha-hmac, esp-sha256-hmac, esp-sha384-hmac, esp-sha512-hmac, ah-...-hmac)");
            }
        }
        if (!esp && ahIntegrity.isEmpty()) {
            throw ctx.error(line, "transform-set " + name + " has no transform");
        }
        if (esp && !ahIntegrity.isEmpty()) {
            ctx.warn(line, "transform-set " + name + ": AH+ESP bundle; only the ESP part is modelled");
        }
        if (!esp) {
            set.integrity.addAll(ahIntegrity);
        }
        set.protocol = esp ? "ESP" : "AH";
        for (CiscoLine sub : line.children) {
            if (sub.startsWith("mode")) {
                String mode = ctx.required(sub, 1, "tunnel or transport").toLowerCase();
                if (!mode.equals("tunnel") && !mode.equals("transport")) {
                    throw ctx.error(sub, "expected mode tunnel or transport, not '" + sub.word(1) + "'");
                }
                set.mode = ctx.at(sub, mode);
            } else {
                ctx.notRead(sub, "crypto ipsec transform-set " + name);
            }
        }
        objects.transformSets.put(name, set);
    }

    /** "crypto map NAME SEQ ipsec-isakmp [dynamic DYN]" or "crypto map NAME local-address INTERFACE". */
    void cryptoMap(CiscoLine line) throws ConfigException {
        String map = ctx.required(line, 2, "a crypto map name");
        String second = ctx.required(line, 3, "a sequence number or local-address");
        if (second.equalsIgnoreCase("local-address")) {
            objects.mapLocalAddress.put(map, ctx.at(line, ctx.required(line, 4, "an interface")));
            return;
        }
        int seq = (int) ctx.number(line, 3, "a sequence number", 1, 65535);
        String kind = line.word(4) == null ? "ipsec-isakmp" : line.word(4).toLowerCase();
        if (!kind.equals("ipsec-isakmp")) {
            ctx.warn(line, "crypto map " + map + " " + seq + " " + kind + ": only ipsec-isakmp entries are read");
            return;
        }
        if ("dynamic".equalsIgnoreCase(line.word(5))) {
            String dynamic = ctx.required(line, 6, "a dynamic-map name");
            List<MapEntry> entries = objects.dynamicMaps.get(dynamic);
            if (entries == null) {
                throw ctx.error(line, "crypto map " + map + " " + seq + ": no crypto dynamic-map " + dynamic
                        + " above this line");
            }
            for (MapEntry template : entries) {
                MapEntry entry = new MapEntry(map, seq, true, template.origin);
                copy(template, entry);
                objects.mapEntries.add(entry);
            }
            return;
        }
        // entering the same entry again (a paste of two excerpts) adds to it, as IOS does
        MapEntry entry = objects.mapEntries.stream().filter(e -> !e.dynamic && e.map.equals(map) && e.seq == seq)
                .findFirst().orElse(null);
        if (entry == null) {
            entry = new MapEntry(map, seq, false, ctx.origin(line));
            objects.mapEntries.add(entry);
        }
        mapCommands(entry, line, "crypto map " + map + " " + seq);
    }

    /** "crypto dynamic-map NAME SEQ": a crypto map entry without a peer (a responder for anyone). */
    void dynamicMap(CiscoLine line) throws ConfigException {
        String name = ctx.required(line, 2, "a dynamic-map name");
        int seq = (int) ctx.number(line, 3, "a sequence number", 1, 65535);
        MapEntry entry = new MapEntry(name, seq, true, ctx.origin(line));
        mapCommands(entry, line, "crypto dynamic-map " + name + " " + seq);
        objects.dynamicMaps.computeIfAbsent(name, n -> new ArrayList<>()).add(entry);
    }

    private void mapCommands(MapEntry entry, CiscoLine line, String where) throws ConfigException {
        for (CiscoLine sub : line.children) {
            if (sub.startsWith("set", "peer")) {
                entry.peers.add(ctx.at(sub, ctx.required(sub, 2, "a peer address")));
            } else if (sub.startsWith("match", "address")) {
                entry.acl = ctx.at(sub, ctx.required(sub, 2, "an access-list name or number"));
            } else if (!set(entry, sub, true)) {
                ctx.notRead(sub, where);
            }
        }
    }

    private static void copy(MapEntry from, MapEntry to) {
        to.peers.addAll(from.peers);
        to.acl = from.acl;
        to.transformSets = from.transformSets;
        to.pfs = from.pfs;
        to.ikev2Profile = from.ikev2Profile;
        to.isakmpProfile = from.isakmpProfile;
        to.lifetime = from.lifetime;
    }

    /** The "set ..." commands of an IPsec profile or crypto map entry; false when the line is none of them. */
    private boolean set(IpsecPolicy policy, CiscoLine sub, boolean map) throws ConfigException {
        if (sub.startsWith("description")) {
            return true;
        }
        if (!sub.startsWith("set") || sub.word(1) == null) {
            return false;
        }
        switch (sub.word(1).toLowerCase()) {
            case "transform-set" -> {
                List<String> names = sub.words.subList(2, sub.words.size());
                if (names.isEmpty()) {
                    throw ctx.error(sub, "expected a transform-set name");
                }
                policy.transformSets = ctx.at(sub, List.copyOf(names));
            }
            case "pfs" -> {
                String group = sub.word(2);
                if (group == null) {
                    policy.pfs = ctx.at(sub, List.of(CiscoDefaults.PFS_GROUP_WITHOUT_NUMBER));
                } else if (group.toLowerCase().startsWith("group")) {
                    policy.pfs = ctx.at(sub, List.of(ctx.group(sub, group.substring(5))));
                } else {
                    throw ctx.error(sub, "expected set pfs groupN, not '" + group + "'");
                }
            }
            case "ikev2-profile" -> policy.ikev2Profile = ctx.at(sub, ctx.required(sub, 2, "an IKEv2 profile name"));
            case "isakmp-profile" -> policy.isakmpProfile = ctx.at(sub, ctx.required(sub, 2,
                    "an ISAKMP profile name"));
            case "security-association" -> {
                if (sub.startsWith("set", "security-association", "lifetime", "seconds")) {
                    policy.lifetime = ctx.at(sub, ctx.number(sub, 4, "a lifetime in seconds", 120, MAX_IPSEC_LIFETIME));
                } else {
                    ctx.notRead(sub, (map ? "crypto map " : "crypto ipsec profile ") + policy.name);
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** "ip access-list extended NAME" (entries below it), or another kind of ACL (remembered by name only). */
    void namedAcl(CiscoLine line) throws ConfigException {
        String kind = ctx.required(line, 2, "extended or standard");
        String name = ctx.required(line, 3, "an access-list name");
        if (!kind.equalsIgnoreCase("extended")) {
            standardAcls.add(name);
            return;
        }
        // entering the ACL again adds entries to it, as IOS does
        CiscoAcl acl = objects.acls.computeIfAbsent(name, n -> new CiscoAcl(n, ctx.origin(line)));
        for (CiscoLine sub : line.children) {
            acl.add(sub, 0);
        }
    }

    /** "access-list N ...": 100-199 and 2000-2699 are extended, the others standard. */
    void numberedAcl(CiscoLine line) throws ConfigException {
        int number = (int) ctx.number(line, 1, "an access-list number", 1, 2699);
        String name = String.valueOf(number);
        if (!(number >= 100 && number <= 199) && !(number >= 2000 && number <= 2699)) {
            standardAcls.add(name);
            return;
        }
        objects.acls.computeIfAbsent(name, n -> new CiscoAcl(n, ctx.origin(line))).add(line, 2);
    }

    /**
     * "interface NAME": its address, crypto map and tunnel commands. Other interface commands (speed, NAT,
     * routing) say nothing about IKE and are skipped without a warning.
     */
    void interfaceSection(CiscoLine line) throws ConfigException {
        String name = ctx.required(line, 1, "an interface name");
        Interface itf = new Interface(name, ctx.origin(line));
        objects.interfaces.put(name, itf);
        for (CiscoLine sub : line.children) {
            if (sub.startsWith("ip", "address") && sub.word(2) != null && CiscoAcl.ipv4(sub.word(2)) >= 0
                    && !"secondary".equalsIgnoreCase(sub.word(4))) {
                itf.address = ctx.at(sub, sub.word(2));
            } else if (sub.startsWith("crypto", "map")) {
                itf.cryptoMap = ctx.at(sub, ctx.required(sub, 2, "a crypto map name"));
            } else if (sub.startsWith("tunnel", "source")) {
                itf.tunnelSource = ctx.at(sub, ctx.required(sub, 2, "an interface or address"));
            } else if (sub.startsWith("tunnel", "destination")) {
                itf.tunnelDestination = ctx.at(sub, ctx.required(sub, 2, "an address"));
            } else if (sub.startsWith("tunnel", "mode")) {
                itf.tunnelMode = ctx.at(sub, sub.rest(2).toLowerCase());
            } else if (sub.startsWith("tunnel", "protection", "ipsec", "profile")) {
                itf.tunnelProfile = ctx.at(sub, ctx.required(sub, 4, "an IPsec profile name"));
            }
        }
    }
}
