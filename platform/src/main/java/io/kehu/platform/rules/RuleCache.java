package io.kehu.platform.rules;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Compiled rules by source text (its hash, then equality) and the form's typing, bounded in size. A rule's class and its own class
 * loader are only reachable from here, so an evicted entry's class is unloaded by the next collections and compiling
 * any number of distinct rules keeps Metaspace bounded. Refusals are cached too: a broken rule is not recompiled on
 * every save.
 */
final class RuleCache {

    private record Outcome(CompiledRule rule, RuleCompileException refusal) {
    }

    /** Source and typing; both strings cache their hash, so a lookup costs two hash reads and two equals. */
    private record Key(String script, String typing) {
    }

    private final Cache<Key, Outcome> compiled;
    private final RuleCompiler compiler;

    RuleCache(RuleCompiler compiler, long maximumSize) {
        this.compiler = compiler;
        this.compiled = Caffeine.newBuilder().maximumSize(maximumSize).build();
    }

    /** The compiled rule, compiling it on first use; throws {@link RuleCompileException} when it is refused. */
    CompiledRule get(String script, RecordTyping typing) {
        Outcome outcome = compiled.get(new Key(script, typing.signature()), k -> {
            try {
                return new Outcome(compiler.compile(script, typing), null);
            } catch (RuleCompileException e) {
                return new Outcome(null, e);
            }
        });
        if (outcome.refusal() != null) {
            throw outcome.refusal();
        }
        return outcome.rule();
    }

    long size() {
        compiled.cleanUp();
        return compiled.estimatedSize();
    }
}
