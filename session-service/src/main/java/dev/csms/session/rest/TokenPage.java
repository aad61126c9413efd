package dev.csms.session.rest;

import java.util.List;

/** One page of a token search. */
public record TokenPage(List<TokenView> items, int page, int size, long total) {
}
