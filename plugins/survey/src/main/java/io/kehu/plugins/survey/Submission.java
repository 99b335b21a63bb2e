package io.kehu.plugins.survey;

import java.util.Map;

/**
 * One filled-in survey to store.
 *
 * @param surveyKey which survey (its current version is answered)
 * @param customer the customer's record id, or null (an anonymous public link)
 * @param campaign the campaign's name, or null
 * @param contextForm the form of the record it is about (e.g. {@code feedback} for a complaint's revisit), or null
 * @param contextId that record's id, or null
 * @param channel {@code phone}, {@code interview}, {@code link} or {@code public}
 * @param handler the user name of who handled the customer's matter (gets no follow-up task), or null
 * @param answers question name → answer (see {@link Answers})
 * @param submissionKey makes the submit idempotent: the same key stores one response, or null
 */
public record Submission(String surveyKey, Long customer, String campaign, String contextForm, Long contextId,
                         String channel, String handler, Map<String, ?> answers, String submissionKey) {
}
