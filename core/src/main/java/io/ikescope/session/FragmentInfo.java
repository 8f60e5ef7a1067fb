package io.ikescope.session;

/**
 * The message is one fragment of a larger one: IKEv2 RFC 7383 (SKF) or IKEv1 fragmentation (payload 132).
 *
 * @param id     IKEv1 fragment ID; the message ID for IKEv2
 * @param number this fragment's number, from 1
 * @param total  IKEv2 total fragments; IKEv1: the number of the fragment flagged last, or -1 when not this one
 */
public record FragmentInfo(long id, int number, int total) {
}
