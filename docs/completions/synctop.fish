function __synctop_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __synctop_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __synctop_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __synctop_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __synctop_parse_tokens -S
    set -l unparsed_tokens (__synctop_tokens -pc)
    switch $unparsed_tokens[1]
    case 'synctop'
        __synctop_parse_subcommand 0 'h/help'
        switch $unparsed_tokens[1]
        case 'dashboard'
            __synctop_parse_subcommand 0 'url=+' 'key-file=' 'timeout=' 'config=' 'ca-file=' 'context=' 'interval=' 'theme=' 'no-color' 'no-unicode' 'read-only' 'mouse' 'beta-headers-url=' 'beta-headers-file=' 'h/help'
        case 'status'
            __synctop_parse_subcommand 0 'url=+' 'key-file=' 'timeout=' 'config=' 'ca-file=' 'context=' 'json' 'all-contexts' 'pods' 'h/help'
        case 'reload'
            __synctop_parse_subcommand 1 'url=+' 'key-file=' 'timeout=' 'config=' 'ca-file=' 'context=' 'yes' 'json' 'all-pods' 'h/help'
        case 'schedule'
            __synctop_parse_subcommand 1 'hours=' 'url=+' 'key-file=' 'timeout=' 'config=' 'ca-file=' 'context=' 'json' 'h/help'
        case 'cancel'
            __synctop_parse_subcommand 1 'url=+' 'key-file=' 'timeout=' 'config=' 'ca-file=' 'context=' 'yes' 'json' 'h/help'
        case 'history'
            __synctop_parse_subcommand 0 'json' 'job=' 'limit=' 'history-file=' 'h/help'
        case 'mappings'
            __synctop_parse_subcommand 0 'h/help'
            switch $unparsed_tokens[1]
            case 'show'
                __synctop_parse_subcommand 0 'provider=' 'json' 'beta-headers-url=' 'beta-headers-file=' 'timeout=' 'config=' 'h/help'
            case 'diff'
                __synctop_parse_subcommand 2 'json' 'timeout=' 'h/help'
            end
        case 'check-headers'
            __synctop_parse_subcommand 1 'provider=' 'placement=' 'json' 'beta-headers-url=' 'beta-headers-file=' 'timeout=' 'config=' 'h/help'
        case 'info'
            __synctop_parse_subcommand 0 'url=+' 'key-file=' 'timeout=' 'config=' 'ca-file=' 'context=' 'interval=' 'theme=' 'no-color' 'no-unicode' 'read-only' 'mouse' 'beta-headers-url=' 'beta-headers-file=' 'json' 'h/help'
        case 'models'
            __synctop_parse_subcommand 0 'filter=' 'sort=' 'reverse' 'json' 'url=+' 'key-file=' 'timeout=' 'config=' 'ca-file=' 'context=' 'h/help'
        case 'price'
            __synctop_parse_subcommand 1 'json' 'url=+' 'key-file=' 'timeout=' 'config=' 'ca-file=' 'context=' 'h/help'
        case 'diff'
            __synctop_parse_subcommand 2 'since-last' 'json' 'url=+' 'key-file=' 'timeout=' 'config=' 'ca-file=' 'context=' 'h/help'
        case 'contexts'
            __synctop_parse_subcommand 0 'json' 'config=' 'h/help'
        case 'demo'
            __synctop_parse_subcommand 0 'interval=' 'theme=' 'no-color' 'no-unicode' 'read-only' 'mouse' 'no-db' 'master-key=' 'latency=' 'litellm-version=' 'fault=+' 'check-interval=' 'store-model-in-db' 'no-store-model-in-db' 'beta-headers-url=' 'beta-headers-file=' 'config=' 'h/help'
        case 'simulate'
            __synctop_parse_subcommand 0 'port=' 'pods=' 'balancer-port=' 'demo-schedules' 'no-db' 'master-key=' 'latency=' 'litellm-version=' 'fault=+' 'check-interval=' 'store-model-in-db' 'no-store-model-in-db' 'ssl_certfile_path=' 'ssl_keyfile_path=' 'keepalive_timeout=' 'h/help'
        case 'help'
            __synctop_parse_subcommand -r 1 
        end
    end
end

function __synctop_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __synctop_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __synctop_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __synctop_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__synctop_tokens -p)
    if test -z "$(__synctop_tokens -t)"
        set -l index (count (__synctop_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'synctop' -f
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_positional "synctop" -eq 1' -fa 'dashboard' -d 'The live full-screen dashboard (the default command).'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_positional "synctop" -eq 1' -fa 'status' -d 'Print both sync jobs, the cost map\'s provenance and the proxy\'s health once.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_positional "synctop" -eq 1' -fa 'reload' -d 'Reload the cost map or the beta-header mapping on the proxy now.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_positional "synctop" -eq 1' -fa 'schedule' -d 'Make the proxy reload the cost map or the beta-header mapping every N hours.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_positional "synctop" -eq 1' -fa 'cancel' -d 'Cancel the proxy\'s periodic reload of the cost map or the beta-header mapping.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_positional "synctop" -eq 1' -fa 'history' -d 'Print the actions synctop took and the runs it observed, with per-job success rates.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_positional "synctop" -eq 1' -fa 'mappings' -d 'Print the Anthropic beta-header mapping: which beta each provider forwards, renames or drops.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_positional "synctop" -eq 1' -fa 'check-headers' -d 'What LiteLLM would forward to each provider for an anthropic-beta header line.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_positional "synctop" -eq 1' -fa 'info' -d 'Show the paths synctop uses, the terminal\'s capabilities and each effective setting with its origin.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_positional "synctop" -eq 1' -fa 'models' -d 'List every model of the proxy\'s cost map: provider, mode, prices per 1M tokens, context window.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_positional "synctop" -eq 1' -fa 'price' -d 'Print every field of one model in the proxy\'s cost map (verify pricing).'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_positional "synctop" -eq 1' -fa 'diff' -d 'What changed between two cost maps: models added, removed, re-priced, and every changed field.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_positional "synctop" -eq 1' -fa 'contexts' -d 'List the proxies (contexts) of config.toml; * marks the current one.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_positional "synctop" -eq 1' -fa 'demo' -d 'Start the built-in LiteLLM simulator and open the dashboard on it (no proxy needed).'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_positional "synctop" -eq 1' -fa 'simulate' -d 'Run the built-in LiteLLM admin API simulator on loopback until interrupted.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_positional "synctop" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop dashboard"' -l 'url' -d 'Proxy base URL (default: LITELLM_PROXY_URL, ~/.litellm/config.json, http://localhost:4000).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop dashboard" key-file' -l 'key-file' -d 'File holding the API key (default: LITELLM_PROXY_API_KEY, then LITELLM_MASTER_KEY).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop dashboard" timeout' -l 'timeout' -d 'Seconds to wait for each answer (default 5).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop dashboard" config' -l 'config' -d 'synctop\'s config file (default: $XDG_CONFIG_HOME/synctop/config.toml, else ~/.config/synctop/config.toml).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop dashboard" ca-file' -l 'ca-file' -d 'PEM file of CA certificates to trust (proxies behind a private CA).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop dashboard" context' -l 'context' -d 'A proxy from config.toml\'s [contexts.NAME] (default: its current_context).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop dashboard" interval' -l 'interval' -d 'Seconds between polls (at least 2; default 10).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop dashboard" theme' -l 'theme' -d 'Colour theme: default, light, solarized-dark, nord, high-contrast, monochrome, a theme in $XDG_CONFIG_HOME/synctop/themes/, or a .toml path.' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop dashboard" no-color' -l 'no-color' -d 'No colour (also when NO_COLOR is set).'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop dashboard" no-unicode' -l 'no-unicode' -d 'Draw with ASCII only (for terminals without box-drawing characters).'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop dashboard" read-only' -l 'read-only' -d 'Watch only: reload, interval and cancel keys are off and no write request is ever sent.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop dashboard" mouse' -l 'mouse' -d 'Mouse support: a click selects, the wheel scrolls (off by default: it takes over the terminal\'s text selection).'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop dashboard" beta-headers-url' -l 'beta-headers-url' -d 'URL of the beta-header mapping (default: LITELLM_ANTHROPIC_BETA_HEADERS_URL, then LiteLLM\'s GitHub URL).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop dashboard" beta-headers-file' -l 'beta-headers-file' -d 'Read the beta-header mapping from this file instead.' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop dashboard" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop status"' -l 'url' -d 'Proxy base URL (default: LITELLM_PROXY_URL, ~/.litellm/config.json, http://localhost:4000).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop status" key-file' -l 'key-file' -d 'File holding the API key (default: LITELLM_PROXY_API_KEY, then LITELLM_MASTER_KEY).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop status" timeout' -l 'timeout' -d 'Seconds to wait for each answer (default 5).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop status" config' -l 'config' -d 'synctop\'s config file (default: $XDG_CONFIG_HOME/synctop/config.toml, else ~/.config/synctop/config.toml).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop status" ca-file' -l 'ca-file' -d 'PEM file of CA certificates to trust (proxies behind a private CA).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop status" context' -l 'context' -d 'A proxy from config.toml\'s [contexts.NAME] (default: its current_context).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop status" json' -l 'json' -d 'Write JSON (timestamps ISO 8601 UTC with offset; keys cost_map, beta_headers, source, health).'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop status" all-contexts' -l 'all-contexts' -d 'Every context of config.toml, side by side (JSON: one object per context, with the usual parts or an error).'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop status" pods' -l 'pods' -d 'Every pod of the context (pods, pods_dns or pods_command), side by side, and where they disagree.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop status" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_positional "synctop reload" -eq 1' -fka 'cost-map beta-headers'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop reload"' -l 'url' -d 'Proxy base URL (default: LITELLM_PROXY_URL, ~/.litellm/config.json, http://localhost:4000).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop reload" key-file' -l 'key-file' -d 'File holding the API key (default: LITELLM_PROXY_API_KEY, then LITELLM_MASTER_KEY).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop reload" timeout' -l 'timeout' -d 'Seconds to wait for each answer (default 5).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop reload" config' -l 'config' -d 'synctop\'s config file (default: $XDG_CONFIG_HOME/synctop/config.toml, else ~/.config/synctop/config.toml).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop reload" ca-file' -l 'ca-file' -d 'PEM file of CA certificates to trust (proxies behind a private CA).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop reload" context' -l 'context' -d 'A proxy from config.toml\'s [contexts.NAME] (default: its current_context).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop reload" yes' -l 'yes' -d 'Do not ask for confirmation.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop reload" json' -l 'json' -d 'Write the result as JSON.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop reload" all-pods' -l 'all-pods' -d 'beta-headers only: reload on every pod of the context, one after another (the mapping lives in each pod\'s memory).'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop reload" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_positional "synctop schedule" -eq 1' -fka 'cost-map beta-headers'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop schedule" hours' -l 'hours' -d 'Whole hours between reloads (1 to 8760).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop schedule"' -l 'url' -d 'Proxy base URL (default: LITELLM_PROXY_URL, ~/.litellm/config.json, http://localhost:4000).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop schedule" key-file' -l 'key-file' -d 'File holding the API key (default: LITELLM_PROXY_API_KEY, then LITELLM_MASTER_KEY).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop schedule" timeout' -l 'timeout' -d 'Seconds to wait for each answer (default 5).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop schedule" config' -l 'config' -d 'synctop\'s config file (default: $XDG_CONFIG_HOME/synctop/config.toml, else ~/.config/synctop/config.toml).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop schedule" ca-file' -l 'ca-file' -d 'PEM file of CA certificates to trust (proxies behind a private CA).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop schedule" context' -l 'context' -d 'A proxy from config.toml\'s [contexts.NAME] (default: its current_context).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop schedule" json' -l 'json' -d 'Write the result as JSON.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop schedule" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_positional "synctop cancel" -eq 1' -fka 'cost-map beta-headers'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop cancel"' -l 'url' -d 'Proxy base URL (default: LITELLM_PROXY_URL, ~/.litellm/config.json, http://localhost:4000).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop cancel" key-file' -l 'key-file' -d 'File holding the API key (default: LITELLM_PROXY_API_KEY, then LITELLM_MASTER_KEY).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop cancel" timeout' -l 'timeout' -d 'Seconds to wait for each answer (default 5).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop cancel" config' -l 'config' -d 'synctop\'s config file (default: $XDG_CONFIG_HOME/synctop/config.toml, else ~/.config/synctop/config.toml).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop cancel" ca-file' -l 'ca-file' -d 'PEM file of CA certificates to trust (proxies behind a private CA).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop cancel" context' -l 'context' -d 'A proxy from config.toml\'s [contexts.NAME] (default: its current_context).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop cancel" yes' -l 'yes' -d 'Do not ask for confirmation.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop cancel" json' -l 'json' -d 'Write the result as JSON.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop cancel" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop history" json' -l 'json' -d 'Write JSON: {"records": [...], "stats": {...}, "skipped_lines": N}.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop history" job' -l 'job' -d 'Only this job.' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop history" limit' -l 'limit' -d 'Print only the last N records (statistics still cover all).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop history" history-file' -l 'history-file' -d 'The history file (default: the XDG state path above).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop history" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop mappings" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_positional "synctop mappings" -eq 1' -fa 'show' -d 'Print the mapping (the default).'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_positional "synctop mappings" -eq 1' -fa 'diff' -d 'What changed between two mappings (files or http(s) URLs): betas, columns, cells, aliases.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop mappings show" provider' -l 'provider' -d 'Only this provider\'s column (an alias in provider_aliases works too).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop mappings show" json' -l 'json' -d 'Write JSON: {"source", "providers", "betas": [{"beta", "supported_by", "cells"}], ...}.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop mappings show" beta-headers-url' -l 'beta-headers-url' -d 'URL of the beta-header mapping (default: LITELLM_ANTHROPIC_BETA_HEADERS_URL, then LiteLLM\'s GitHub URL).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop mappings show" beta-headers-file' -l 'beta-headers-file' -d 'Read the beta-header mapping from this file instead.' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop mappings show" timeout' -l 'timeout' -d 'Seconds for each download: name lookup, connect, and the whole file (default 5, as LiteLLM\'s own fetch).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop mappings show" config' -l 'config' -d 'synctop\'s config file (default: $XDG_CONFIG_HOME/synctop/config.toml, else ~/.config/synctop/config.toml).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop mappings show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop mappings diff" json' -l 'json' -d 'Write JSON: {"old", "new", "added_betas", "removed_betas", "added_columns", ...}.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop mappings diff" timeout' -l 'timeout' -d 'Seconds for each download: name lookup, connect, and the whole file (default 5, as LiteLLM\'s own fetch).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop mappings diff" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop check-headers" provider' -l 'provider' -d 'Only this provider (an alias, or a name without a column, works too).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop check-headers" placement' -l 'placement' -d 'Only this placement: header or body.' -rfka 'header body'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop check-headers" json' -l 'json' -d 'Write JSON: [{"provider", "placement", "forwarded": [...], "dropped": [{"beta", "reason"}], "renamed"}].'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop check-headers" beta-headers-url' -l 'beta-headers-url' -d 'URL of the beta-header mapping (default: LITELLM_ANTHROPIC_BETA_HEADERS_URL, then LiteLLM\'s GitHub URL).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop check-headers" beta-headers-file' -l 'beta-headers-file' -d 'Read the beta-header mapping from this file instead.' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop check-headers" timeout' -l 'timeout' -d 'Seconds for each download: name lookup, connect, and the whole file (default 5, as LiteLLM\'s own fetch).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop check-headers" config' -l 'config' -d 'synctop\'s config file (default: $XDG_CONFIG_HOME/synctop/config.toml, else ~/.config/synctop/config.toml).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop check-headers" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop info"' -l 'url' -d 'Proxy base URL (default: LITELLM_PROXY_URL, ~/.litellm/config.json, http://localhost:4000).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop info" key-file' -l 'key-file' -d 'File holding the API key (default: LITELLM_PROXY_API_KEY, then LITELLM_MASTER_KEY).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop info" timeout' -l 'timeout' -d 'Seconds to wait for each answer (default 5).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop info" config' -l 'config' -d 'synctop\'s config file (default: $XDG_CONFIG_HOME/synctop/config.toml, else ~/.config/synctop/config.toml).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop info" ca-file' -l 'ca-file' -d 'PEM file of CA certificates to trust (proxies behind a private CA).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop info" context' -l 'context' -d 'A proxy from config.toml\'s [contexts.NAME] (default: its current_context).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop info" interval' -l 'interval' -d 'Seconds between polls (at least 2; default 10).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop info" theme' -l 'theme' -d 'Colour theme: default, light, solarized-dark, nord, high-contrast, monochrome, a theme in $XDG_CONFIG_HOME/synctop/themes/, or a .toml path.' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop info" no-color' -l 'no-color' -d 'No colour (also when NO_COLOR is set).'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop info" no-unicode' -l 'no-unicode' -d 'Draw with ASCII only (for terminals without box-drawing characters).'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop info" read-only' -l 'read-only' -d 'Watch only: reload, interval and cancel keys are off and no write request is ever sent.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop info" mouse' -l 'mouse' -d 'Mouse support: a click selects, the wheel scrolls (off by default: it takes over the terminal\'s text selection).'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop info" beta-headers-url' -l 'beta-headers-url' -d 'URL of the beta-header mapping (default: LITELLM_ANTHROPIC_BETA_HEADERS_URL, then LiteLLM\'s GitHub URL).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop info" beta-headers-file' -l 'beta-headers-file' -d 'Read the beta-header mapping from this file instead.' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop info" json' -l 'json' -d 'Write JSON: {"settings": [{name, value, origin}], "paths": [{name, path, state}], "terminal": {...}}.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop info" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop models" filter' -l 'filter' -d 'Only models whose name or provider contains this (case-insensitive).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop models" sort' -l 'sort' -d 'Sort by this column: model, provider, mode, input, output, max-input, max-output. Names A→Z, numbers largest first; missing values last.' -rfka 'model provider mode input output max-input max-output'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop models" reverse' -l 'reverse' -d 'Reverse the sort order (missing values stay last).'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop models" json' -l 'json' -d 'Write JSON: {"proxy", "total", "count", "models": [{"model", "provider", "mode", "input_per_million", ...}]}.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop models"' -l 'url' -d 'Proxy base URL (default: LITELLM_PROXY_URL, ~/.litellm/config.json, http://localhost:4000).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop models" key-file' -l 'key-file' -d 'File holding the API key (default: LITELLM_PROXY_API_KEY, then LITELLM_MASTER_KEY).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop models" timeout' -l 'timeout' -d 'Seconds to wait for each answer (default 5).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop models" config' -l 'config' -d 'synctop\'s config file (default: $XDG_CONFIG_HOME/synctop/config.toml, else ~/.config/synctop/config.toml).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop models" ca-file' -l 'ca-file' -d 'PEM file of CA certificates to trust (proxies behind a private CA).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop models" context' -l 'context' -d 'A proxy from config.toml\'s [contexts.NAME] (default: its current_context).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop models" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop price" json' -l 'json' -d 'Write JSON: the table\'s columns, then "entry" with every field as given.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop price"' -l 'url' -d 'Proxy base URL (default: LITELLM_PROXY_URL, ~/.litellm/config.json, http://localhost:4000).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop price" key-file' -l 'key-file' -d 'File holding the API key (default: LITELLM_PROXY_API_KEY, then LITELLM_MASTER_KEY).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop price" timeout' -l 'timeout' -d 'Seconds to wait for each answer (default 5).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop price" config' -l 'config' -d 'synctop\'s config file (default: $XDG_CONFIG_HOME/synctop/config.toml, else ~/.config/synctop/config.toml).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop price" ca-file' -l 'ca-file' -d 'PEM file of CA certificates to trust (proxies behind a private CA).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop price" context' -l 'context' -d 'A proxy from config.toml\'s [contexts.NAME] (default: its current_context).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop price" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop diff" since-last' -l 'since-last' -d 'Compare the proxy\'s cost map now with the newest snapshot of it (no OLD NEW).'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop diff" json' -l 'json' -d 'Write JSON: {"old", "new", "summary", "counts", "added", "removed", "changed": [{"model", "fields"}]}.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop diff"' -l 'url' -d 'Proxy base URL (default: LITELLM_PROXY_URL, ~/.litellm/config.json, http://localhost:4000).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop diff" key-file' -l 'key-file' -d 'File holding the API key (default: LITELLM_PROXY_API_KEY, then LITELLM_MASTER_KEY).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop diff" timeout' -l 'timeout' -d 'Seconds to wait for each answer (default 5).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop diff" config' -l 'config' -d 'synctop\'s config file (default: $XDG_CONFIG_HOME/synctop/config.toml, else ~/.config/synctop/config.toml).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop diff" ca-file' -l 'ca-file' -d 'PEM file of CA certificates to trust (proxies behind a private CA).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop diff" context' -l 'context' -d 'A proxy from config.toml\'s [contexts.NAME] (default: its current_context).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop diff" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop contexts" json' -l 'json' -d 'Write JSON: {"current", "contexts": [{"name", "url", "key", "pods", ...}]}.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop contexts" config' -l 'config' -d 'synctop\'s config file (default: $XDG_CONFIG_HOME/synctop/config.toml, else ~/.config/synctop/config.toml).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop contexts" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop demo" interval' -l 'interval' -d 'Seconds between polls (at least 2; default 10).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop demo" theme' -l 'theme' -d 'Colour theme: default, light, solarized-dark, nord, high-contrast, monochrome, a theme in $XDG_CONFIG_HOME/synctop/themes/, or a .toml path.' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop demo" no-color' -l 'no-color' -d 'No colour (also when NO_COLOR is set).'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop demo" no-unicode' -l 'no-unicode' -d 'Draw with ASCII only (for terminals without box-drawing characters).'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop demo" read-only' -l 'read-only' -d 'Watch only: reload, interval and cancel keys are off and no write request is ever sent.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop demo" mouse' -l 'mouse' -d 'Mouse support: a click selects, the wheel scrolls (off by default: it takes over the terminal\'s text selection).'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop demo" no-db' -l 'no-db' -d 'Answer as a proxy started without a database (writes fail with 500, as LiteLLM does).'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop demo" master-key' -l 'master-key' -d 'The master (proxy_admin) key the simulator accepts.' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop demo" latency' -l 'latency' -d 'Delay every answer by this many milliseconds.' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop demo" litellm-version' -l 'litellm-version' -d 'Which LiteLLM release to answer as (1.100.5 or 1.109.1).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop demo"' -l 'fault' -d 'Misbehave on purpose, for tests: MODE or MODE:PATH-PREFIX, repeatable. Modes: escapes, echo-key, hang, endless, html-502, html-504, empty-object, wrong-types, last-run-back, clock-ahead, empty-500, junk. At run time: POST /_sim/fault?mode=&path=&count=.' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop demo" check-interval' -l 'check-interval' -d 'Each pod\'s periodic schedule check runs this often, as LiteLLM\'s proxy_config_reload_interval_seconds.' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop demo" store-model-in-db' -l 'store-model-in-db' -d 'As LiteLLM\'s store_model_in_db: only with it on do pods act on a beta-header schedule or force_reload.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop demo" no-store-model-in-db' -l 'no-store-model-in-db' -d 'As LiteLLM\'s store_model_in_db: only with it on do pods act on a beta-header schedule or force_reload.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop demo" beta-headers-url' -l 'beta-headers-url' -d 'URL of the beta-header mapping (default: LITELLM_ANTHROPIC_BETA_HEADERS_URL, then LiteLLM\'s GitHub URL).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop demo" beta-headers-file' -l 'beta-headers-file' -d 'Read the beta-header mapping from this file instead.' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop demo" config' -l 'config' -d 'synctop\'s config file (default: $XDG_CONFIG_HOME/synctop/config.toml, else ~/.config/synctop/config.toml).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop demo" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop simulate" port' -l 'port' -d 'Loopback port to listen on (0 picks a free one); with --pods N, pod K listens on PORT+K.' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop simulate" pods' -l 'pods' -d 'How many pods of one proxy to run, sharing one database (1 to 64).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop simulate" balancer-port' -l 'balancer-port' -d 'Also listen here as a round-robin load balancer in front of the pods (0 picks a free port).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop simulate" demo-schedules' -l 'demo-schedules' -d 'Seed schedules that come due within minutes, as in the demo.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop simulate" no-db' -l 'no-db' -d 'Answer as a proxy started without a database (writes fail with 500, as LiteLLM does).'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop simulate" master-key' -l 'master-key' -d 'The master (proxy_admin) key the simulator accepts.' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop simulate" latency' -l 'latency' -d 'Delay every answer by this many milliseconds.' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop simulate" litellm-version' -l 'litellm-version' -d 'Which LiteLLM release to answer as (1.100.5 or 1.109.1).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop simulate"' -l 'fault' -d 'Misbehave on purpose, for tests: MODE or MODE:PATH-PREFIX, repeatable. Modes: escapes, echo-key, hang, endless, html-502, html-504, empty-object, wrong-types, last-run-back, clock-ahead, empty-500, junk. At run time: POST /_sim/fault?mode=&path=&count=.' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop simulate" check-interval' -l 'check-interval' -d 'Each pod\'s periodic schedule check runs this often, as LiteLLM\'s proxy_config_reload_interval_seconds.' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop simulate" store-model-in-db' -l 'store-model-in-db' -d 'As LiteLLM\'s store_model_in_db: only with it on do pods act on a beta-header schedule or force_reload.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop simulate" no-store-model-in-db' -l 'no-store-model-in-db' -d 'As LiteLLM\'s store_model_in_db: only with it on do pods act on a beta-header schedule or force_reload.'
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop simulate" ssl_certfile_path' -l 'ssl_certfile_path' -d 'Serve https with this PEM certificate chain (with --ssl_keyfile_path).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop simulate" ssl_keyfile_path' -l 'ssl_keyfile_path' -d 'The PEM private key of --ssl_certfile_path.' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop simulate" keepalive_timeout' -l 'keepalive_timeout' -d 'Close a connection left idle this many seconds after an answer, as uvicorn does (its default is 5).' -rfka ''
complete -c 'synctop' -n '__synctop_should_offer_completions_for_flags_or_options "synctop simulate" h help' -s 'h' -l 'help' -d 'Show help information.'
