/**
 * The vocabulary of partnership records that partnership-service keeps and its events carry as
 * slugs — action and review statuses, the risk scale — so that a consumer printing them (a
 * scrutiny report) names and rates them exactly as partnership-service does.
 */
package org.saferpartnerships.platform.partnership;
