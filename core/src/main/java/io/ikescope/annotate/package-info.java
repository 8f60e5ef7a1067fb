/**
 * The diagnosis written into a copy of the capture for Wireshark ({@code diagnose --annotate}): a comment per IKE
 * frame and a section comment per negotiation ({@link CaptureAnnotations}), the copy itself being the capture
 * layer's {@link io.ikescope.capture.AnnotatedCopy}.
 */
package io.ikescope.annotate;
