package io.kehu.platform.workspace;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the home page shows one user, read with that user's permissions. Counts are exact up to {@link #CAP}; beyond
 * that the box says "200+".
 *
 * @param myCustomers customers whose account manager is the user; {@code -1} when the form is missing
 * @param onlyOwn whether the user sees only their own customers (STAFF), which the box says
 * @param dueToday follow-ups due today, the most urgent first
 * @param overdue follow-ups past their date and not followed up since, oldest first
 * @param recent the latest interactions, purchases and feedback the user may read, newest first
 * @param complaints open complaints, newest first
 * @param openComplaints how many complaints are open
 * @param complaintMix all complaints the user may read counted by status and severity, in the options' order
 * @param creatable the forms among customer and interaction the user may create records of (the shortcuts)
 */
public record WorkspaceData(long myCustomers, boolean onlyOwn, List<FollowUp> dueToday, List<FollowUp> overdue,
                            List<Activity> recent, List<Complaint> complaints, long openComplaints,
                            List<ComplaintCount> complaintMix, java.util.Set<String> creatable) {

    public static final int CAP = 200;

    /** An interaction whose next follow-up date has come. */
    public record FollowUp(long interactionId, long customerId, String customerName, LocalDate due, String summary) {
    }

    /** One recent record, already in the user's language. */
    public record Activity(String formId, String formLabel, long id, Long customerId, String customerName,
                           Instant at, boolean dateOnly, String text) {
    }

    /** How many complaints have one status and severity, labels in the user's language ("" when hidden). */
    public record ComplaintCount(String status, String severity, long count) {
    }

    /** An open complaint, labels in the user's language. */
    public record Complaint(long id, Long customerId, String customerName, String severity, String status,
                            String description, Instant receivedAt) {
    }
}
