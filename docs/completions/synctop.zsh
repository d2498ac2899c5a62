#compdef synctop

__synctop_complete() {
    local -ar non_empty_completions=("${@:#(|:*)}")
    local -ar empty_completions=("${(M)@:#(|:*)}")
    _describe -V '' non_empty_completions -- empty_completions -P $'\'\''
}

__synctop_custom_complete() {
    local -a completions
    completions=("${(@f)"$("${command_name}" "${@}" "${command_line[@]}")"}")
    if [[ "${#completions[@]}" -gt 1 ]]; then
        __synctop_complete "${completions[@]:0:-1}"
    fi
}

__synctop_cursor_index_in_current_word() {
    if [[ -z "${QIPREFIX}${IPREFIX}${PREFIX}" ]]; then
        printf 0
    else
        printf %s "${#${(z)LBUFFER}[-1]}"
    fi
}

_synctop() {
    emulate -RL zsh -G
    setopt extendedglob nullglob numericglobsort
    unsetopt aliases banghist

    local -xr SAP_SHELL=zsh
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(builtin emulate zsh -c 'printf %s "${ZSH_VERSION}"')"
    local -r SAP_SHELL_VERSION

    local context state state_descr line
    local -A opt_args

    local -r command_name="${words[1]}"
    local -ar command_line=("${words[@]}")
    local -ir current_word_index="$((CURRENT - 1))"

    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'dashboard:The live full-screen dashboard (the default command).'
            'status:Print both sync jobs, the cost map'\''s provenance and the proxy'\''s health once.'
            'reload:Reload the cost map or the beta-header mapping on the proxy now.'
            'schedule:Make the proxy reload the cost map or the beta-header mapping every N hours.'
            'cancel:Cancel the proxy'\''s periodic reload of the cost map or the beta-header mapping.'
            'history:Print the actions synctop took and the runs it observed, with per-job success rates.'
            'mappings:Print the Anthropic beta-header mapping: which beta each provider forwards, renames or drops.'
            'check-headers:What LiteLLM forwards to each provider or deployment for an anthropic-beta header line.'
            'info:Show the paths synctop uses, the terminal'\''s capabilities and each effective setting with its origin.'
            'models:List every model of the proxy'\''s cost map: provider, mode, prices per 1M tokens, context window.'
            'price:Print every field of one model in the proxy'\''s cost map (verify pricing).'
            'diff:What changed between two cost maps: models added, removed, re-priced, and every changed field.'
            'preview:Show what a reload would change, before it is sent (reads only).'
            'contexts:List the proxies (contexts) of config.toml; * marks the current one.'
            'check:Check the proxy (or every context, or every pod) as a Nagios/Icinga/Sensu plugin: one status line with perfdata, exit 0-3.'
            'metrics:Print the Prometheus metrics of one round of reads (for node_exporter'\''s textfile collector).'
            'serve-metrics:Serve the Prometheus metrics on /metrics, polling the targets every --interval seconds.'
            'demo:Start the built-in LiteLLM simulator and open the dashboard on it (no proxy needed).'
            'simulate:Run the built-in LiteLLM admin API simulator on loopback until interrupted.'
            'help:Show subcommand help information.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        dashboard|status|reload|schedule|cancel|history|mappings|check-headers|info|models|price|diff|preview|contexts|check|metrics|serve-metrics|demo|simulate|help)
            "_synctop_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_synctop_dashboard() {
    local -i ret=1
    local -ar arg_specs=(
        '*--url[Proxy base URL (default\: LITELLM_PROXY_URL, ~/.litellm/config.json, http\://localhost\:4000).]:url:'
        '--key-file[File holding the API key (default\: LITELLM_PROXY_API_KEY, then LITELLM_MASTER_KEY).]:path:'
        '--timeout[Seconds to wait for each answer (default 5).]:timeout:'
        '--config[synctop'\''s config file (default\: $XDG_CONFIG_HOME/synctop/config.toml, else ~/.config/synctop/config.toml).]:path:'
        '--ca-file[PEM file of CA certificates to trust (proxies behind a private CA).]:path:'
        '--context[A proxy from config.toml'\''s \[contexts.NAME\] (default\: its current_context).]:name:'
        '--interval[Seconds between polls (at least 2; default 10).]:interval:'
        '--theme[Colour theme\: default, light, solarized-dark, nord, high-contrast, monochrome, a theme in $XDG_CONFIG_HOME/synctop/themes/, or a .toml path.]:name:'
        '--no-color[No colour (also when NO_COLOR is set).]'
        '--no-unicode[Draw with ASCII only (for terminals without box-drawing characters).]'
        '--read-only[Watch only\: reload, interval and cancel keys are off and no write request is ever sent.]'
        '--mouse[Mouse support\: a click selects, the wheel scrolls (off by default\: it takes over the terminal'\''s text selection).]'
        '--beta-headers-url[URL of the beta-header mapping (default\: LITELLM_ANTHROPIC_BETA_HEADERS_URL, then LiteLLM'\''s GitHub URL).]:url:'
        '--beta-headers-file[Read the beta-header mapping from this file instead.]:path:'
        '--litellm-version[The proxy'\''s LiteLLM release, whose beta-header rules the Mappings view marks (1.100.5, 1.109.1, 1.110.2; default\: the version its readiness reports, which it does only with a database).]:version:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_synctop_status() {
    local -i ret=1
    local -ar arg_specs=(
        '*--url[Proxy base URL (default\: LITELLM_PROXY_URL, ~/.litellm/config.json, http\://localhost\:4000).]:url:'
        '--key-file[File holding the API key (default\: LITELLM_PROXY_API_KEY, then LITELLM_MASTER_KEY).]:path:'
        '--timeout[Seconds to wait for each answer (default 5).]:timeout:'
        '--config[synctop'\''s config file (default\: $XDG_CONFIG_HOME/synctop/config.toml, else ~/.config/synctop/config.toml).]:path:'
        '--ca-file[PEM file of CA certificates to trust (proxies behind a private CA).]:path:'
        '--context[A proxy from config.toml'\''s \[contexts.NAME\] (default\: its current_context).]:name:'
        '--json[Write JSON (timestamps ISO 8601 UTC with offset; keys cost_map, beta_headers, source, health).]'
        '--all-contexts[Every context of config.toml, side by side (JSON\: one object per context, with the usual parts or an error).]'
        '--pods[Every pod of the context (pods, pods_dns or pods_command), side by side, and where they disagree.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_synctop_reload() {
    local -i ret=1
    local -ar _job=('cost-map' 'beta-headers')
    local -ar arg_specs=(
        ':job:{__synctop_complete "${_job[@]}"}'
        '*--url[Proxy base URL (default\: LITELLM_PROXY_URL, ~/.litellm/config.json, http\://localhost\:4000).]:url:'
        '--key-file[File holding the API key (default\: LITELLM_PROXY_API_KEY, then LITELLM_MASTER_KEY).]:path:'
        '--timeout[Seconds to wait for each answer (default 5).]:timeout:'
        '--config[synctop'\''s config file (default\: $XDG_CONFIG_HOME/synctop/config.toml, else ~/.config/synctop/config.toml).]:path:'
        '--ca-file[PEM file of CA certificates to trust (proxies behind a private CA).]:path:'
        '--context[A proxy from config.toml'\''s \[contexts.NAME\] (default\: its current_context).]:name:'
        '--yes[Do not ask for confirmation.]'
        '--json[Write the result as JSON.]'
        '--all-pods[beta-headers only\: reload on every pod of the context, one after another (the mapping lives in each pod'\''s memory).]'
        '--preview[Show what the reload would change first (as `synctop preview`), then ask; afterwards say whether it did as previewed.]'
        '--source-url[cost-map\: preview this file instead of the proxy'\''s source URL (synctop may reach the file elsewhere than the proxy does).]:url:'
        '--litellm-version[The proxy'\''s LiteLLM release, whose rules apply (1.100.5, 1.109.1, 1.110.2; default\: guessed from its answers).]:version:'
        '--beta-headers-url[URL of the beta-header mapping (default\: LITELLM_ANTHROPIC_BETA_HEADERS_URL, then LiteLLM'\''s GitHub URL).]:url:'
        '--beta-headers-file[Read the beta-header mapping from this file instead.]:path:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_synctop_schedule() {
    local -i ret=1
    local -ar _job=('cost-map' 'beta-headers')
    local -ar arg_specs=(
        ':job:{__synctop_complete "${_job[@]}"}'
        '--hours[Whole hours between reloads (1 to 8760).]:hours:'
        '*--url[Proxy base URL (default\: LITELLM_PROXY_URL, ~/.litellm/config.json, http\://localhost\:4000).]:url:'
        '--key-file[File holding the API key (default\: LITELLM_PROXY_API_KEY, then LITELLM_MASTER_KEY).]:path:'
        '--timeout[Seconds to wait for each answer (default 5).]:timeout:'
        '--config[synctop'\''s config file (default\: $XDG_CONFIG_HOME/synctop/config.toml, else ~/.config/synctop/config.toml).]:path:'
        '--ca-file[PEM file of CA certificates to trust (proxies behind a private CA).]:path:'
        '--context[A proxy from config.toml'\''s \[contexts.NAME\] (default\: its current_context).]:name:'
        '--json[Write the result as JSON.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_synctop_cancel() {
    local -i ret=1
    local -ar _job=('cost-map' 'beta-headers')
    local -ar arg_specs=(
        ':job:{__synctop_complete "${_job[@]}"}'
        '*--url[Proxy base URL (default\: LITELLM_PROXY_URL, ~/.litellm/config.json, http\://localhost\:4000).]:url:'
        '--key-file[File holding the API key (default\: LITELLM_PROXY_API_KEY, then LITELLM_MASTER_KEY).]:path:'
        '--timeout[Seconds to wait for each answer (default 5).]:timeout:'
        '--config[synctop'\''s config file (default\: $XDG_CONFIG_HOME/synctop/config.toml, else ~/.config/synctop/config.toml).]:path:'
        '--ca-file[PEM file of CA certificates to trust (proxies behind a private CA).]:path:'
        '--context[A proxy from config.toml'\''s \[contexts.NAME\] (default\: its current_context).]:name:'
        '--yes[Do not ask for confirmation.]'
        '--json[Write the result as JSON.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_synctop_history() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Write JSON\: {"records"\: \[...\], "stats"\: {...}, "skipped_lines"\: N}.]'
        '--job[Only this job.]:job:'
        '--limit[Print only the newest N records (statistics still cover all).]:n:'
        '--reverse[Oldest first.]'
        '--history-file[The history file (default\: the XDG state path above).]:path:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_synctop_mappings() {
    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'show:Print the mapping (the default).'
            'diff:What changed between two mappings (files or http(s) URLs): betas, columns, cells, aliases.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        show|diff)
            "_synctop_mappings_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_synctop_mappings_show() {
    local -i ret=1
    local -ar arg_specs=(
        '--provider[Only this provider'\''s column (an alias in provider_aliases works too).]:provider:'
        '--json[Write JSON\: {"source", "providers", "betas"\: \[{"beta", "supported_by", "cells"}\], ...}.]'
        '--beta-headers-url[URL of the beta-header mapping (default\: LITELLM_ANTHROPIC_BETA_HEADERS_URL, then LiteLLM'\''s GitHub URL).]:url:'
        '--beta-headers-file[Read the beta-header mapping from this file instead.]:path:'
        '--timeout[Seconds for each download\: name lookup, connect, and the whole file (default 5, as LiteLLM'\''s own fetch).]:timeout:'
        '--config[synctop'\''s config file (default\: $XDG_CONFIG_HOME/synctop/config.toml, else ~/.config/synctop/config.toml).]:path:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_synctop_mappings_diff() {
    local -i ret=1
    local -ar arg_specs=(
        ':old:'
        ':new:'
        '--json[Write JSON\: {"old", "new", "added_betas", "removed_betas", "added_columns", ...}.]'
        '--timeout[Seconds for each download\: name lookup, connect, and the whole file (default 5, as LiteLLM'\''s own fetch).]:timeout:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_synctop_check-headers() {
    local -i ret=1
    local -ar ___placement=('header' 'body')
    local -ar arg_specs=(
        ':line:'
        '--provider[Only this provider (an alias, or a name without a column, works too).]:provider:'
        '--model[The deployment'\''s model, as in litellm_params.model (bedrock/invoke/us.anthropic.claude-...); its prefix names the provider.]:name:'
        '--api-base[The deployment'\''s api_base (an Azure AI Foundry host changes an anthropic deployment'\''s row in 1.110.2).]:url:'
        '--deployments[Answer for every deployment the proxy serves (its /model/info).]'
        '--placement[Only this placement\: header or body.]:placement:{__synctop_complete "${___placement[@]}"}'
        '--litellm-version[Apply this LiteLLM release'\''s rules (1.100.5, 1.109.1, 1.110.2; default\: the proxy'\''s reported version, else 1.109.1).]:version:'
        '--json[Write JSON\: {"source"\: {"location", "origin", "bundled", "fallback_reason"}, "litellm_version", "litellm_version_basis", "checks"\: \[{"provider", "placement", "forwarded"\: \[...\], "dropped"\: \[{"beta", "reason"}\], "renamed", "rules", "route", "row", "header_value", ...}\]}.]'
        '--beta-headers-url[URL of the beta-header mapping (default\: LITELLM_ANTHROPIC_BETA_HEADERS_URL, then LiteLLM'\''s GitHub URL).]:url:'
        '--beta-headers-file[Read the beta-header mapping from this file instead.]:path:'
        '*--url[Proxy base URL (default\: LITELLM_PROXY_URL, ~/.litellm/config.json, http\://localhost\:4000).]:url:'
        '--key-file[File holding the API key (default\: LITELLM_PROXY_API_KEY, then LITELLM_MASTER_KEY).]:path:'
        '--timeout[Seconds to wait for each answer (default 5).]:timeout:'
        '--config[synctop'\''s config file (default\: $XDG_CONFIG_HOME/synctop/config.toml, else ~/.config/synctop/config.toml).]:path:'
        '--ca-file[PEM file of CA certificates to trust (proxies behind a private CA).]:path:'
        '--context[A proxy from config.toml'\''s \[contexts.NAME\] (default\: its current_context).]:name:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_synctop_info() {
    local -i ret=1
    local -ar arg_specs=(
        '*--url[Proxy base URL (default\: LITELLM_PROXY_URL, ~/.litellm/config.json, http\://localhost\:4000).]:url:'
        '--key-file[File holding the API key (default\: LITELLM_PROXY_API_KEY, then LITELLM_MASTER_KEY).]:path:'
        '--timeout[Seconds to wait for each answer (default 5).]:timeout:'
        '--config[synctop'\''s config file (default\: $XDG_CONFIG_HOME/synctop/config.toml, else ~/.config/synctop/config.toml).]:path:'
        '--ca-file[PEM file of CA certificates to trust (proxies behind a private CA).]:path:'
        '--context[A proxy from config.toml'\''s \[contexts.NAME\] (default\: its current_context).]:name:'
        '--interval[Seconds between polls (at least 2; default 10).]:interval:'
        '--theme[Colour theme\: default, light, solarized-dark, nord, high-contrast, monochrome, a theme in $XDG_CONFIG_HOME/synctop/themes/, or a .toml path.]:name:'
        '--no-color[No colour (also when NO_COLOR is set).]'
        '--no-unicode[Draw with ASCII only (for terminals without box-drawing characters).]'
        '--read-only[Watch only\: reload, interval and cancel keys are off and no write request is ever sent.]'
        '--mouse[Mouse support\: a click selects, the wheel scrolls (off by default\: it takes over the terminal'\''s text selection).]'
        '--beta-headers-url[URL of the beta-header mapping (default\: LITELLM_ANTHROPIC_BETA_HEADERS_URL, then LiteLLM'\''s GitHub URL).]:url:'
        '--beta-headers-file[Read the beta-header mapping from this file instead.]:path:'
        '--json[Write JSON\: {"version", "settings"\: {"url"\: {"value", "origin"}, ...}, "paths"\: {"history"\: {"path", "state", "use"}, ...}, "terminal"\: {...}}.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_synctop_models() {
    local -i ret=1
    local -ar ___sort=('model' 'provider' 'mode' 'input' 'output' 'max-input' 'max-output')
    local -ar arg_specs=(
        '--filter[Only models whose name or provider contains this (case-insensitive).]:text:'
        '--sort[Sort by this column\: model, provider, mode, input, output, max-input, max-output. Names A→Z, numbers largest first; missing values last.]:column:{__synctop_complete "${___sort[@]}"}'
        '--reverse[Reverse the sort order (missing values stay last).]'
        '--json[Write JSON\: {"proxy", "total", "count", "models"\: \[{"model", "provider", "mode", "input_per_million", ...}\]}.]'
        '--catalog-only[Only the fetched catalog\: leave out what the proxy registers at run time (an entry per deployment id). LiteLLM 1.109.1 and newer; older ones ignore it.]'
        '*--url[Proxy base URL (default\: LITELLM_PROXY_URL, ~/.litellm/config.json, http\://localhost\:4000).]:url:'
        '--key-file[File holding the API key (default\: LITELLM_PROXY_API_KEY, then LITELLM_MASTER_KEY).]:path:'
        '--timeout[Seconds to wait for each answer (default 5).]:timeout:'
        '--config[synctop'\''s config file (default\: $XDG_CONFIG_HOME/synctop/config.toml, else ~/.config/synctop/config.toml).]:path:'
        '--ca-file[PEM file of CA certificates to trust (proxies behind a private CA).]:path:'
        '--context[A proxy from config.toml'\''s \[contexts.NAME\] (default\: its current_context).]:name:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_synctop_price() {
    local -i ret=1
    local -ar arg_specs=(
        ':model:'
        '--json[Write JSON\: the table'\''s columns, then "entry" with every field as given.]'
        '*--url[Proxy base URL (default\: LITELLM_PROXY_URL, ~/.litellm/config.json, http\://localhost\:4000).]:url:'
        '--key-file[File holding the API key (default\: LITELLM_PROXY_API_KEY, then LITELLM_MASTER_KEY).]:path:'
        '--timeout[Seconds to wait for each answer (default 5).]:timeout:'
        '--config[synctop'\''s config file (default\: $XDG_CONFIG_HOME/synctop/config.toml, else ~/.config/synctop/config.toml).]:path:'
        '--ca-file[PEM file of CA certificates to trust (proxies behind a private CA).]:path:'
        '--context[A proxy from config.toml'\''s \[contexts.NAME\] (default\: its current_context).]:name:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_synctop_diff() {
    local -i ret=1
    local -ar arg_specs=(
        ':old:'
        ':new:'
        '--since-last[Compare the proxy'\''s cost map now with the newest snapshot of it (no OLD NEW).]'
        '--json[Write JSON\: {"old", "new", "summary", "counts", "added", "removed", "changed"\: \[{"model", "fields"}\]}.]'
        '*--url[Proxy base URL (default\: LITELLM_PROXY_URL, ~/.litellm/config.json, http\://localhost\:4000).]:url:'
        '--key-file[File holding the API key (default\: LITELLM_PROXY_API_KEY, then LITELLM_MASTER_KEY).]:path:'
        '--timeout[Seconds to wait for each answer (default 5).]:timeout:'
        '--config[synctop'\''s config file (default\: $XDG_CONFIG_HOME/synctop/config.toml, else ~/.config/synctop/config.toml).]:path:'
        '--ca-file[PEM file of CA certificates to trust (proxies behind a private CA).]:path:'
        '--context[A proxy from config.toml'\''s \[contexts.NAME\] (default\: its current_context).]:name:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_synctop_preview() {
    local -i ret=1
    local -ar _job=('cost-map' 'beta-headers')
    local -ar arg_specs=(
        ':job:{__synctop_complete "${_job[@]}"}'
        '*--url[Proxy base URL (default\: LITELLM_PROXY_URL, ~/.litellm/config.json, http\://localhost\:4000).]:url:'
        '--key-file[File holding the API key (default\: LITELLM_PROXY_API_KEY, then LITELLM_MASTER_KEY).]:path:'
        '--timeout[Seconds to wait for each answer (default 5).]:timeout:'
        '--config[synctop'\''s config file (default\: $XDG_CONFIG_HOME/synctop/config.toml, else ~/.config/synctop/config.toml).]:path:'
        '--ca-file[PEM file of CA certificates to trust (proxies behind a private CA).]:path:'
        '--context[A proxy from config.toml'\''s \[contexts.NAME\] (default\: its current_context).]:name:'
        '--source-url[cost-map\: preview this file instead of the proxy'\''s source URL (synctop may reach the file elsewhere than the proxy does).]:url:'
        '--litellm-version[The proxy'\''s LiteLLM release, whose rules apply (1.100.5, 1.109.1, 1.110.2; default\: guessed from its answers).]:version:'
        '--beta-headers-url[URL of the beta-header mapping (default\: LITELLM_ANTHROPIC_BETA_HEADERS_URL, then LiteLLM'\''s GitHub URL).]:url:'
        '--beta-headers-file[Read the beta-header mapping from this file instead.]:path:'
        '--json[Write JSON (the same findings as objects).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_synctop_contexts() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Write JSON\: {"current", "contexts"\: \[{"name", "url", "key", "pods", ...}\]}.]'
        '--config[synctop'\''s config file (default\: $XDG_CONFIG_HOME/synctop/config.toml, else ~/.config/synctop/config.toml).]:path:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_synctop_check() {
    local -i ret=1
    local -ar arg_specs=(
        '*--url[Proxy base URL (default\: LITELLM_PROXY_URL, ~/.litellm/config.json, http\://localhost\:4000).]:url:'
        '--key-file[File holding the API key (default\: LITELLM_PROXY_API_KEY, then LITELLM_MASTER_KEY).]:path:'
        '--timeout[Seconds to wait for each answer (default 5).]:timeout:'
        '--config[synctop'\''s config file (default\: $XDG_CONFIG_HOME/synctop/config.toml, else ~/.config/synctop/config.toml).]:path:'
        '--ca-file[PEM file of CA certificates to trust (proxies behind a private CA).]:path:'
        '--context[A proxy from config.toml'\''s \[contexts.NAME\] (default\: its current_context).]:name:'
        '--beta-headers-url[URL of the beta-header mapping (default\: LITELLM_ANTHROPIC_BETA_HEADERS_URL, then LiteLLM'\''s GitHub URL).]:url:'
        '--beta-headers-file[Read the beta-header mapping from this file instead.]:path:'
        '--all-contexts[Every context of config.toml.]'
        '--pods[Also every pod of each context (pods, pods_dns or pods_command).]'
        '--json[Write the findings as JSON (status, exit_code, contexts, findings, perfdata).]'
        '--expect[Jobs that must be scheduled, and at which interval\: cost-map=6h,beta-headers=24h.]:jobs:'
        '--warn-overdue[WARNING when a job is overdue by more than this.]:duration:'
        '--crit-overdue[CRITICAL when a job is overdue by more than this.]:duration:'
        '--max-drop[CRITICAL when the cost map has lost more than this share of the models in synctop'\''s newest snapshot.]:percent:'
        '--pods-grace[How long pods may take to follow a cost-map reload (LiteLLM re-checks every 30 s).]:duration:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_synctop_metrics() {
    local -i ret=1
    local -ar arg_specs=(
        '*--url[Proxy base URL (default\: LITELLM_PROXY_URL, ~/.litellm/config.json, http\://localhost\:4000).]:url:'
        '--key-file[File holding the API key (default\: LITELLM_PROXY_API_KEY, then LITELLM_MASTER_KEY).]:path:'
        '--timeout[Seconds to wait for each answer (default 5).]:timeout:'
        '--config[synctop'\''s config file (default\: $XDG_CONFIG_HOME/synctop/config.toml, else ~/.config/synctop/config.toml).]:path:'
        '--ca-file[PEM file of CA certificates to trust (proxies behind a private CA).]:path:'
        '--context[A proxy from config.toml'\''s \[contexts.NAME\] (default\: its current_context).]:name:'
        '--beta-headers-url[URL of the beta-header mapping (default\: LITELLM_ANTHROPIC_BETA_HEADERS_URL, then LiteLLM'\''s GitHub URL).]:url:'
        '--beta-headers-file[Read the beta-header mapping from this file instead.]:path:'
        '--all-contexts[Every context of config.toml.]'
        '--pods[Also every pod of each context (pods, pods_dns or pods_command).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_synctop_serve-metrics() {
    local -i ret=1
    local -ar arg_specs=(
        '*--url[Proxy base URL (default\: LITELLM_PROXY_URL, ~/.litellm/config.json, http\://localhost\:4000).]:url:'
        '--key-file[File holding the API key (default\: LITELLM_PROXY_API_KEY, then LITELLM_MASTER_KEY).]:path:'
        '--timeout[Seconds to wait for each answer (default 5).]:timeout:'
        '--config[synctop'\''s config file (default\: $XDG_CONFIG_HOME/synctop/config.toml, else ~/.config/synctop/config.toml).]:path:'
        '--ca-file[PEM file of CA certificates to trust (proxies behind a private CA).]:path:'
        '--context[A proxy from config.toml'\''s \[contexts.NAME\] (default\: its current_context).]:name:'
        '--beta-headers-url[URL of the beta-header mapping (default\: LITELLM_ANTHROPIC_BETA_HEADERS_URL, then LiteLLM'\''s GitHub URL).]:url:'
        '--beta-headers-file[Read the beta-header mapping from this file instead.]:path:'
        '--all-contexts[Every context of config.toml.]'
        '--pods[Also every pod of each context (pods, pods_dns or pods_command).]'
        '--listen[host\:port to listen on.]:address:'
        '--interval[Seconds between rounds of reads (5 to 3600).]:interval:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_synctop_demo() {
    local -i ret=1
    local -ar arg_specs=(
        '--interval[Seconds between polls (at least 2; default 10).]:interval:'
        '--theme[Colour theme\: default, light, solarized-dark, nord, high-contrast, monochrome, a theme in $XDG_CONFIG_HOME/synctop/themes/, or a .toml path.]:name:'
        '--no-color[No colour (also when NO_COLOR is set).]'
        '--no-unicode[Draw with ASCII only (for terminals without box-drawing characters).]'
        '--read-only[Watch only\: reload, interval and cancel keys are off and no write request is ever sent.]'
        '--mouse[Mouse support\: a click selects, the wheel scrolls (off by default\: it takes over the terminal'\''s text selection).]'
        '--no-db[Answer as a proxy started without a database (writes fail with 500, as LiteLLM does).]'
        '--master-key[The master (proxy_admin) key the simulator accepts.]:master-key:'
        '--latency[Delay every answer by this many milliseconds.]:ms:'
        '--litellm-version[Which LiteLLM release to answer as (1.100.5, 1.109.1 or 1.110.2).]:litellm-version:'
        '*--fault[Misbehave on purpose, for tests\: MODE or MODE\:PATH-PREFIX, repeatable. Modes\: escapes, echo-key, hang, endless, html-502, html-504, empty-object, wrong-types, last-run-back, clock-ahead, empty-500, junk. At run time\: POST /_sim/fault?mode=&path=&count=.]:mode\[\:path\]:'
        '--check-interval[Each pod'\''s periodic schedule check runs this often, as LiteLLM'\''s proxy_config_reload_interval_seconds.]:seconds:'
        '--store-model-in-db[As LiteLLM'\''s store_model_in_db\: only with it on do pods act on a beta-header schedule or force_reload.]'
        '--no-store-model-in-db[As LiteLLM'\''s store_model_in_db\: only with it on do pods act on a beta-header schedule or force_reload.]'
        '--remote-cost-map[How the remote cost-map source answers fetches\: ok, invalid-json, list, empty, small\:N, http\:CODE, unreachable. At run time\: POST /_sim/remote?cost_map=MODE.]:mode:'
        '--remote-beta-headers[How the remote beta-header source answers fetches\: the same modes but small\:N. At run time\: POST /_sim/remote?beta_headers=MODE.]:mode:'
        '--remote-cost-map-file[Serve this file as the remote cost map (at run time\: PUT /_sim/remote/cost_map with the file as the body).]:path:'
        '--remote-beta-headers-file[Serve this file as the remote beta-header mapping (PUT /_sim/remote/beta_headers).]:path:'
        '--remote-retry-delays[Wait between fetch attempts as LiteLLM does (about 7 s) before a reload whose source keeps failing with a retried error (connect error, 429, 500, 502-504) answers 502.]'
        '--no-remote-retry-delays[Wait between fetch attempts as LiteLLM does (about 7 s) before a reload whose source keeps failing with a retried error (connect error, 429, 500, 502-504) answers 502.]'
        '--beta-headers-url[URL of the beta-header mapping (default\: LITELLM_ANTHROPIC_BETA_HEADERS_URL, then LiteLLM'\''s GitHub URL).]:url:'
        '--beta-headers-file[Read the beta-header mapping from this file instead.]:path:'
        '--config[synctop'\''s config file (default\: $XDG_CONFIG_HOME/synctop/config.toml, else ~/.config/synctop/config.toml).]:path:'
        '--fleet[Two contexts\: prod (three pods sharing a database behind a load balancer, the third applying reloads late) and staging (one older proxy). Starts on the Pods view.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_synctop_simulate() {
    local -i ret=1
    local -ar arg_specs=(
        '--port[Loopback port to listen on (0 picks a free one); with --pods N, pod K listens on PORT+K.]:port:'
        '--pods[How many pods of one proxy to run, sharing one database (1 to 64).]:pods:'
        '--balancer-port[Also listen here as a round-robin load balancer in front of the pods (0 picks a free port).]:port:'
        '--demo-schedules[Seed schedules that come due within minutes, as in the demo.]'
        '--no-db[Answer as a proxy started without a database (writes fail with 500, as LiteLLM does).]'
        '--master-key[The master (proxy_admin) key the simulator accepts.]:master-key:'
        '--latency[Delay every answer by this many milliseconds.]:ms:'
        '--litellm-version[Which LiteLLM release to answer as (1.100.5, 1.109.1 or 1.110.2).]:litellm-version:'
        '*--fault[Misbehave on purpose, for tests\: MODE or MODE\:PATH-PREFIX, repeatable. Modes\: escapes, echo-key, hang, endless, html-502, html-504, empty-object, wrong-types, last-run-back, clock-ahead, empty-500, junk. At run time\: POST /_sim/fault?mode=&path=&count=.]:mode\[\:path\]:'
        '--check-interval[Each pod'\''s periodic schedule check runs this often, as LiteLLM'\''s proxy_config_reload_interval_seconds.]:seconds:'
        '--store-model-in-db[As LiteLLM'\''s store_model_in_db\: only with it on do pods act on a beta-header schedule or force_reload.]'
        '--no-store-model-in-db[As LiteLLM'\''s store_model_in_db\: only with it on do pods act on a beta-header schedule or force_reload.]'
        '--remote-cost-map[How the remote cost-map source answers fetches\: ok, invalid-json, list, empty, small\:N, http\:CODE, unreachable. At run time\: POST /_sim/remote?cost_map=MODE.]:mode:'
        '--remote-beta-headers[How the remote beta-header source answers fetches\: the same modes but small\:N. At run time\: POST /_sim/remote?beta_headers=MODE.]:mode:'
        '--remote-cost-map-file[Serve this file as the remote cost map (at run time\: PUT /_sim/remote/cost_map with the file as the body).]:path:'
        '--remote-beta-headers-file[Serve this file as the remote beta-header mapping (PUT /_sim/remote/beta_headers).]:path:'
        '--remote-retry-delays[Wait between fetch attempts as LiteLLM does (about 7 s) before a reload whose source keeps failing with a retried error (connect error, 429, 500, 502-504) answers 502.]'
        '--no-remote-retry-delays[Wait between fetch attempts as LiteLLM does (about 7 s) before a reload whose source keeps failing with a retried error (connect error, 429, 500, 502-504) answers 502.]'
        '--ssl_certfile_path[Serve https with this PEM certificate chain (with --ssl_keyfile_path).]:path:'
        '--ssl_keyfile_path[The PEM private key of --ssl_certfile_path.]:path:'
        '--keepalive_timeout[Close a connection left idle this many seconds after an answer, as uvicorn does (its default is 5).]:seconds:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_synctop_help() {
    local -i ret=1
    local -ar arg_specs=(
        '*:subcommands:'
        '--version[Show the version.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

if [[ "${funcstack[1]}" = _synctop ]]; then
    _synctop "${@}"
else
    compdef _synctop synctop
fi
