/**
 * Which pre-shared key each peer used (issue #14): candidate keys ({@link io.ikescope.psk.PskCandidates}) tested
 * against what each peer sent that depends on its key: IKEv1 Aggressive Mode HASH_R/HASH_I from the cleartext,
 * IKEv1 Main Mode's encrypted MM5/MM6/Informational with the shared Diffie Hellman secret or SKEYID of a key log,
 * IKEv2 shared-key AUTH with a key log ({@link io.ikescope.psk.PskChecker}). Candidates are named by line and
 * fingerprint only, never printed or logged.
 */
package io.ikescope.psk;
