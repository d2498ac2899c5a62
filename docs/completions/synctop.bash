#!/bin/bash

__synctop_cursor_index_in_current_word() {
    local remaining="${COMP_LINE}"

    local word
    for word in "${COMP_WORDS[@]::COMP_CWORD}"; do
        remaining="${remaining##*([[:space:]])"${word}"*([[:space:]])}"
    done

    local -ir index="$((COMP_POINT - ${#COMP_LINE} + ${#remaining}))"
    if [[ "${index}" -le 0 ]]; then
        printf 0
    else
        printf %s "${index}"
    fi
}

# positional arguments:
#
# - 1: the current (sub)command's count of positional arguments
#
# required variables:
#
# - repeating_flags: the repeating flags that the current (sub)command can accept
# - non_repeating_flags: the non-repeating flags that the current (sub)command can accept
# - repeating_options: the repeating options that the current (sub)command can accept
# - non_repeating_options: the non-repeating options that the current (sub)command can accept
# - positional_number: value ignored
# - unparsed_words: unparsed words from the current command line
#
# modified variables:
#
# - non_repeating_flags: remove flags for this (sub)command that are already on the command line
# - non_repeating_options: remove options for this (sub)command that are already on the command line
# - positional_number: set to the current positional number
# - unparsed_words: remove all flags, options, and option values for this (sub)command
__synctop_offer_flags_options() {
    local -ir positional_count="${1}"
    positional_number=0

    local was_flag_option_terminator_seen=false
    local is_parsing_option_value=false

    local -ar unparsed_word_indices=("${!unparsed_words[@]}")
    local -i word_index
    for word_index in "${unparsed_word_indices[@]}"; do
        if "${is_parsing_option_value}"; then
            # This word is an option value:
            # Reset marker for next word iff not currently the last word
            [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]] && is_parsing_option_value=false
            unset "unparsed_words[${word_index}]"
            # Do not process this word as a flag or an option
            continue
        fi

        local word="${unparsed_words["${word_index}"]}"
        if ! "${was_flag_option_terminator_seen}"; then
            case "${word}" in
            --)
                unset "unparsed_words[${word_index}]"
                # by itself -- is a flag/option terminator, but if it is the last word, it is the start of a completion
                if [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]]; then
                    was_flag_option_terminator_seen=true
                fi
                continue
                ;;
            -*)
                # ${word} is a flag or an option
                # If ${word} is an option, mark that the next word to be parsed is an option value
                local option
                for option in "${repeating_options[@]}" "${non_repeating_options[@]}"; do
                    [[ "${word}" = "${option}" ]] && is_parsing_option_value=true && break
                done

                # Remove ${word} from ${non_repeating_flags} or ${non_repeating_options} so it isn't offered again
                local not_found=true
                local -i index
                for index in "${!non_repeating_flags[@]}"; do
                    if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                        unset "non_repeating_flags[${index}]"
                        non_repeating_flags=("${non_repeating_flags[@]}")
                        not_found=false
                        break
                    fi
                done
                if "${not_found}"; then
                    for index in "${!non_repeating_flags[@]}"; do
                        if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                            unset "non_repeating_flags[${index}]"
                            non_repeating_flags=("${non_repeating_flags[@]}")
                            break
                        fi
                    done
                fi
                unset "unparsed_words[${word_index}]"
                continue
                ;;
            esac
        fi

        # ${word} is neither a flag, nor an option, nor an option value
        if [[ "${positional_number}" -lt "${positional_count}" || "${positional_count}" -lt 0 ]]; then
            # ${word} is a positional
            ((positional_number++))
            unset "unparsed_words[${word_index}]"
        else
            if [[ -z "${word}" ]]; then
                # Could be completing a flag, option, or subcommand
                positional_number=-1
            else
                # ${word} is a subcommand or invalid, so stop processing this (sub)command
                positional_number=-2
            fi
            break
        fi
    done

    unparsed_words=("${unparsed_words[@]}")

    if\
        ! "${was_flag_option_terminator_seen}"\
        && ! "${is_parsing_option_value}"\
        && [[ ("${cur}" = -* && "${positional_number}" -ge 0) || "${positional_number}" -eq -1 ]]
    then
        COMPREPLY+=($(compgen -W "${repeating_flags[*]} ${non_repeating_flags[*]} ${repeating_options[*]} ${non_repeating_options[*]}" -- "${cur}"))
    fi
}

__synctop_add_completions() {
    local completion
    while IFS='' read -r completion; do
        COMPREPLY+=("${completion}")
    done < <(IFS=$'\n' compgen "${@}" -- "${cur}")
}

__synctop_custom_complete() {
    if [[ -n "${cur}" || -z ${COMP_WORDS[${COMP_CWORD}]} || "${COMP_LINE:${COMP_POINT}:1}" != ' ' ]]; then
        local -ar words=("${COMP_WORDS[@]}")
    else
        local -ar words=("${COMP_WORDS[@]::${COMP_CWORD}}" '' "${COMP_WORDS[@]:${COMP_CWORD}}")
    fi

    "${COMP_WORDS[0]}" "${@}" "${words[@]}"
}

_synctop() {
    local state
    state="$(shopt -p;shopt -po)"
    trap "${state//$'\n'/;}" RETURN
    shopt -s extglob
    set +o history +o posix

    local -xr SAP_SHELL=bash
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(IFS='.';printf %s "${BASH_VERSINFO[*]}")"
    local -r SAP_SHELL_VERSION

    local -r cur="${2}"
    local -r prev="${3}"

    local -i positional_number
    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")

    local -a repeating_flags=()
    local -a non_repeating_flags=(--version -h --help)
    local -a repeating_options=()
    local -a non_repeating_options=()
    __synctop_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    dashboard|status|reload|schedule|cancel|history|mappings|check-headers|info|models|price|diff|preview|contexts|check|metrics|serve-metrics|demo|simulate|help)
        # Offer subcommand argument completions
        "_synctop_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'dashboard status reload schedule cancel history mappings check-headers info models price diff preview contexts check metrics serve-metrics demo simulate help' -- "${cur}"))
        ;;
    esac
}

_synctop_dashboard() {
    repeating_flags=()
    non_repeating_flags=(--no-color --no-unicode --read-only --mouse --version -h --help)
    repeating_options=(--url)
    non_repeating_options=(--key-file --timeout --config --ca-file --context --interval --theme --beta-headers-url --beta-headers-file --litellm-version)
    __synctop_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--url')
        return
        ;;
    '--key-file')
        return
        ;;
    '--timeout')
        return
        ;;
    '--config')
        return
        ;;
    '--ca-file')
        return
        ;;
    '--context')
        return
        ;;
    '--interval')
        return
        ;;
    '--theme')
        return
        ;;
    '--beta-headers-url')
        return
        ;;
    '--beta-headers-file')
        return
        ;;
    '--litellm-version')
        return
        ;;
    esac
}

_synctop_status() {
    repeating_flags=()
    non_repeating_flags=(--json --all-contexts --pods --version -h --help)
    repeating_options=(--url)
    non_repeating_options=(--key-file --timeout --config --ca-file --context)
    __synctop_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--url')
        return
        ;;
    '--key-file')
        return
        ;;
    '--timeout')
        return
        ;;
    '--config')
        return
        ;;
    '--ca-file')
        return
        ;;
    '--context')
        return
        ;;
    esac
}

_synctop_reload() {
    repeating_flags=()
    non_repeating_flags=(--yes --json --all-pods --preview --version -h --help)
    repeating_options=(--url)
    non_repeating_options=(--key-file --timeout --config --ca-file --context --source-url --litellm-version --beta-headers-url --beta-headers-file)
    __synctop_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--url')
        return
        ;;
    '--key-file')
        return
        ;;
    '--timeout')
        return
        ;;
    '--config')
        return
        ;;
    '--ca-file')
        return
        ;;
    '--context')
        return
        ;;
    '--source-url')
        return
        ;;
    '--litellm-version')
        return
        ;;
    '--beta-headers-url')
        return
        ;;
    '--beta-headers-file')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __synctop_add_completions -W 'cost-map'$'\n''beta-headers'
        return
        ;;
    esac
}

_synctop_schedule() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--url)
    non_repeating_options=(--hours --key-file --timeout --config --ca-file --context)
    __synctop_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--hours')
        return
        ;;
    '--url')
        return
        ;;
    '--key-file')
        return
        ;;
    '--timeout')
        return
        ;;
    '--config')
        return
        ;;
    '--ca-file')
        return
        ;;
    '--context')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __synctop_add_completions -W 'cost-map'$'\n''beta-headers'
        return
        ;;
    esac
}

_synctop_cancel() {
    repeating_flags=()
    non_repeating_flags=(--yes --json --version -h --help)
    repeating_options=(--url)
    non_repeating_options=(--key-file --timeout --config --ca-file --context)
    __synctop_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--url')
        return
        ;;
    '--key-file')
        return
        ;;
    '--timeout')
        return
        ;;
    '--config')
        return
        ;;
    '--ca-file')
        return
        ;;
    '--context')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __synctop_add_completions -W 'cost-map'$'\n''beta-headers'
        return
        ;;
    esac
}

_synctop_history() {
    repeating_flags=()
    non_repeating_flags=(--json --reverse --version -h --help)
    repeating_options=()
    non_repeating_options=(--job --limit --history-file)
    __synctop_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--job')
        return
        ;;
    '--limit')
        return
        ;;
    '--history-file')
        return
        ;;
    esac
}

_synctop_mappings() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __synctop_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    show|diff)
        # Offer subcommand argument completions
        "_synctop_mappings_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'show diff' -- "${cur}"))
        ;;
    esac
}

_synctop_mappings_show() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--provider --beta-headers-url --beta-headers-file --timeout --config)
    __synctop_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--provider')
        return
        ;;
    '--beta-headers-url')
        return
        ;;
    '--beta-headers-file')
        return
        ;;
    '--timeout')
        return
        ;;
    '--config')
        return
        ;;
    esac
}

_synctop_mappings_diff() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--timeout)
    __synctop_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--timeout')
        return
        ;;
    esac
}

_synctop_check-headers() {
    repeating_flags=()
    non_repeating_flags=(--deployments --json --version -h --help)
    repeating_options=(--url)
    non_repeating_options=(--provider --model --api-base --placement --litellm-version --beta-headers-url --beta-headers-file --key-file --timeout --config --ca-file --context)
    __synctop_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--provider')
        return
        ;;
    '--model')
        return
        ;;
    '--api-base')
        return
        ;;
    '--placement')
        __synctop_add_completions -W 'header'$'\n''body'
        return
        ;;
    '--litellm-version')
        return
        ;;
    '--beta-headers-url')
        return
        ;;
    '--beta-headers-file')
        return
        ;;
    '--url')
        return
        ;;
    '--key-file')
        return
        ;;
    '--timeout')
        return
        ;;
    '--config')
        return
        ;;
    '--ca-file')
        return
        ;;
    '--context')
        return
        ;;
    esac
}

_synctop_info() {
    repeating_flags=()
    non_repeating_flags=(--no-color --no-unicode --read-only --mouse --json --version -h --help)
    repeating_options=(--url)
    non_repeating_options=(--key-file --timeout --config --ca-file --context --interval --theme --beta-headers-url --beta-headers-file)
    __synctop_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--url')
        return
        ;;
    '--key-file')
        return
        ;;
    '--timeout')
        return
        ;;
    '--config')
        return
        ;;
    '--ca-file')
        return
        ;;
    '--context')
        return
        ;;
    '--interval')
        return
        ;;
    '--theme')
        return
        ;;
    '--beta-headers-url')
        return
        ;;
    '--beta-headers-file')
        return
        ;;
    esac
}

_synctop_models() {
    repeating_flags=()
    non_repeating_flags=(--reverse --json --catalog-only --version -h --help)
    repeating_options=(--url)
    non_repeating_options=(--filter --sort --key-file --timeout --config --ca-file --context)
    __synctop_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--filter')
        return
        ;;
    '--sort')
        __synctop_add_completions -W 'model'$'\n''provider'$'\n''mode'$'\n''input'$'\n''output'$'\n''max-input'$'\n''max-output'
        return
        ;;
    '--url')
        return
        ;;
    '--key-file')
        return
        ;;
    '--timeout')
        return
        ;;
    '--config')
        return
        ;;
    '--ca-file')
        return
        ;;
    '--context')
        return
        ;;
    esac
}

_synctop_price() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--url)
    non_repeating_options=(--key-file --timeout --config --ca-file --context)
    __synctop_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--url')
        return
        ;;
    '--key-file')
        return
        ;;
    '--timeout')
        return
        ;;
    '--config')
        return
        ;;
    '--ca-file')
        return
        ;;
    '--context')
        return
        ;;
    esac
}

_synctop_diff() {
    repeating_flags=()
    non_repeating_flags=(--since-last --json --version -h --help)
    repeating_options=(--url)
    non_repeating_options=(--key-file --timeout --config --ca-file --context)
    __synctop_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--url')
        return
        ;;
    '--key-file')
        return
        ;;
    '--timeout')
        return
        ;;
    '--config')
        return
        ;;
    '--ca-file')
        return
        ;;
    '--context')
        return
        ;;
    esac
}

_synctop_preview() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--url)
    non_repeating_options=(--key-file --timeout --config --ca-file --context --source-url --litellm-version --beta-headers-url --beta-headers-file)
    __synctop_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--url')
        return
        ;;
    '--key-file')
        return
        ;;
    '--timeout')
        return
        ;;
    '--config')
        return
        ;;
    '--ca-file')
        return
        ;;
    '--context')
        return
        ;;
    '--source-url')
        return
        ;;
    '--litellm-version')
        return
        ;;
    '--beta-headers-url')
        return
        ;;
    '--beta-headers-file')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __synctop_add_completions -W 'cost-map'$'\n''beta-headers'
        return
        ;;
    esac
}

_synctop_contexts() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--config)
    __synctop_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--config')
        return
        ;;
    esac
}

_synctop_check() {
    repeating_flags=()
    non_repeating_flags=(--all-contexts --pods --json --version -h --help)
    repeating_options=(--url)
    non_repeating_options=(--key-file --timeout --config --ca-file --context --beta-headers-url --beta-headers-file --expect --warn-overdue --crit-overdue --max-drop --pods-grace)
    __synctop_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--url')
        return
        ;;
    '--key-file')
        return
        ;;
    '--timeout')
        return
        ;;
    '--config')
        return
        ;;
    '--ca-file')
        return
        ;;
    '--context')
        return
        ;;
    '--beta-headers-url')
        return
        ;;
    '--beta-headers-file')
        return
        ;;
    '--expect')
        return
        ;;
    '--warn-overdue')
        return
        ;;
    '--crit-overdue')
        return
        ;;
    '--max-drop')
        return
        ;;
    '--pods-grace')
        return
        ;;
    esac
}

_synctop_metrics() {
    repeating_flags=()
    non_repeating_flags=(--all-contexts --pods --version -h --help)
    repeating_options=(--url)
    non_repeating_options=(--key-file --timeout --config --ca-file --context --beta-headers-url --beta-headers-file)
    __synctop_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--url')
        return
        ;;
    '--key-file')
        return
        ;;
    '--timeout')
        return
        ;;
    '--config')
        return
        ;;
    '--ca-file')
        return
        ;;
    '--context')
        return
        ;;
    '--beta-headers-url')
        return
        ;;
    '--beta-headers-file')
        return
        ;;
    esac
}

_synctop_serve-metrics() {
    repeating_flags=()
    non_repeating_flags=(--all-contexts --pods --version -h --help)
    repeating_options=(--url)
    non_repeating_options=(--key-file --timeout --config --ca-file --context --beta-headers-url --beta-headers-file --listen --interval)
    __synctop_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--url')
        return
        ;;
    '--key-file')
        return
        ;;
    '--timeout')
        return
        ;;
    '--config')
        return
        ;;
    '--ca-file')
        return
        ;;
    '--context')
        return
        ;;
    '--beta-headers-url')
        return
        ;;
    '--beta-headers-file')
        return
        ;;
    '--listen')
        return
        ;;
    '--interval')
        return
        ;;
    esac
}

_synctop_demo() {
    repeating_flags=()
    non_repeating_flags=(--no-color --no-unicode --read-only --mouse --no-db --store-model-in-db --no-store-model-in-db --remote-retry-delays --no-remote-retry-delays --fleet --version -h --help)
    repeating_options=(--fault)
    non_repeating_options=(--interval --theme --master-key --latency --litellm-version --check-interval --remote-cost-map --remote-beta-headers --remote-cost-map-file --remote-beta-headers-file --beta-headers-url --beta-headers-file --config)
    __synctop_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--interval')
        return
        ;;
    '--theme')
        return
        ;;
    '--master-key')
        return
        ;;
    '--latency')
        return
        ;;
    '--litellm-version')
        return
        ;;
    '--fault')
        return
        ;;
    '--check-interval')
        return
        ;;
    '--remote-cost-map')
        return
        ;;
    '--remote-beta-headers')
        return
        ;;
    '--remote-cost-map-file')
        return
        ;;
    '--remote-beta-headers-file')
        return
        ;;
    '--beta-headers-url')
        return
        ;;
    '--beta-headers-file')
        return
        ;;
    '--config')
        return
        ;;
    esac
}

_synctop_simulate() {
    repeating_flags=()
    non_repeating_flags=(--demo-schedules --no-db --store-model-in-db --no-store-model-in-db --remote-retry-delays --no-remote-retry-delays --version -h --help)
    repeating_options=(--fault)
    non_repeating_options=(--port --pods --balancer-port --master-key --latency --litellm-version --check-interval --remote-cost-map --remote-beta-headers --remote-cost-map-file --remote-beta-headers-file --ssl_certfile_path --ssl_keyfile_path --keepalive_timeout)
    __synctop_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--port')
        return
        ;;
    '--pods')
        return
        ;;
    '--balancer-port')
        return
        ;;
    '--master-key')
        return
        ;;
    '--latency')
        return
        ;;
    '--litellm-version')
        return
        ;;
    '--fault')
        return
        ;;
    '--check-interval')
        return
        ;;
    '--remote-cost-map')
        return
        ;;
    '--remote-beta-headers')
        return
        ;;
    '--remote-cost-map-file')
        return
        ;;
    '--remote-beta-headers-file')
        return
        ;;
    '--ssl_certfile_path')
        return
        ;;
    '--ssl_keyfile_path')
        return
        ;;
    '--keepalive_timeout')
        return
        ;;
    esac
}

_synctop_help() {
    repeating_flags=()
    non_repeating_flags=(--version)
    repeating_options=()
    non_repeating_options=()
    __synctop_offer_flags_options -1
}

complete -o filenames -F _synctop synctop
