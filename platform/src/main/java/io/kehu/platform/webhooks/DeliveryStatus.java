package io.kehu.platform.webhooks;

/** Where a delivery stands. */
public enum DeliveryStatus {
    /** Waiting for its next attempt. */
    PENDING,
    /** The endpoint answered 2xx. */
    SUCCEEDED,
    /** Every retry failed; only a replay sends it again. */
    FAILED
}
