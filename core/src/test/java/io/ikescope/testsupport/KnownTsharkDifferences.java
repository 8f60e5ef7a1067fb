package io.ikescope.testsupport;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Where ikescope's dissection of the public corpus and tshark's disagree for reasons that are not ours to fix, with
 * the evidence. Shared by the decoder comparison (core) and the JSON end-to-end comparison (cli), which both name
 * a difference "file#frame key" (the file relative to the corpus).
 */
public final class KnownTsharkDifferences {
    private KnownTsharkDifferences() {
    }

    /** A difference we accept: {@code where} matches "file#frame key"; {@code evidence} says why tshark is wrong. */
    public record KnownDifference(Pattern where, String evidence) {
        public KnownDifference(String regex, String evidence) {
            this(Pattern.compile(regex), evidence);
        }

        public boolean matches(String difference) {
            return where.matcher(difference).find();
        }
    }

    /** Fuzzed corpus messages that tshark dissects wrongly (by the message's own bytes). */
    public static final List<KnownDifference> DISSECTION = List.of(
            new KnownDifference("^tcpdump/(ikev1_id_ipv6_addr_subnet-oobr|isakmp-ikev1_n_print-oobr|isakmp-various-oobr"
                    + "|isakmpv1-attr-oobr)\\.pcap#\\d+ p\\.count$",
                    "fuzzed header length (e.g. 4278190080) exceeds the datagram: tshark marks the length bogus and"
                    + " decodes no payload; we report the length error and decode the payloads inside the datagram"),
            new KnownDifference("^tcpdump/ikev2-id-(normal|short)\\.pcap#1 p\\[0\\]\\.id\\.(type|addr)$",
                    "fuzzed IDi of length 9 (5 in -short): tshark reads the IPv4 address (and in -short the ID"
                    + " header) past the payload end, from bytes after it; we keep the payload's own 1-byte data"
                    + " (and report the 4-byte ID header overflow in -short)"),
            new KnownDifference("^tcpdump/isakmp-identification-segfault\\.pcap#1 p\\[0\\]\\.id\\.name$",
                    "fuzzed ID_FQDN of 248 NUL bytes: tshark shows the string up to the first NUL (empty), we keep"
                    + " every byte (writers escape them)"),
            new KnownDifference("^tcpdump/ISAKMP_sa_setup\\.pcap#[34] p\\.count$",
                    "GDOI SA KEK payload (15) with a bogus inner length 19055: tshark's SAK dissector throws"
                    + " (Malformed Packet) and abandons the chain; we keep type 15 opaque and go on to the next"
                    + " payload, as its own 24-byte length fits"),
            new KnownDifference("^tcpdump/ikev2pI2-segfault\\.pcapng#1 p\\.count$",
                    "fuzzed second proposal of length 43690: tshark stops the message there; we mark the SA"
                    + " malformed (keeping proposal 1) and go on with the KE payload, as the SA's own length fits"),
            new KnownDifference("^zeek-spicy-ipsec/ipsec-ikev1-payload-bad-length\\.pcap#1 p(\\[2\\]\\.(type|np|len)|\\.count)$",
                    "VID payload length 3 (< 4): tshark flags it and then guesses a next payload 4 bytes on (a"
                    + " 7297-byte 'VID'); a length below the header size leaves no sane next position, so we stop"
                    + " the chain with the error"));
}
