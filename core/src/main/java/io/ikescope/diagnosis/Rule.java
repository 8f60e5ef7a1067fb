package io.ikescope.diagnosis;

/** One failure pattern, named as administrators name it; gives a verdict when the negotiation shows it. */
interface Rule {
    /** A short name for reports and tests ("no response", "NAT-T blocked"). */
    String name();

    /** The verdict when this pattern applies, else null. */
    Verdict apply(Facts facts);
}
