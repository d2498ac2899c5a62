#if canImport(Glibc)
import Glibc
#endif

/// Name lookups (host names, the password database) in the release binary, which links
/// glibc statically (Package.swift). A static glibc still reads /etc/nsswitch.conf, and for
/// a service other than `files` and `dns` it loads that module (libnss_systemd, sss,
/// ldap…) — a shared library built for the shared glibc, which crashes the process: seen
/// as a segfault in `getpwuid` for a uid only systemd knows, without HOME. So each database
/// is answered by the services built into the static glibc: `files`, and `dns` for hosts.
/// Other builds use the system's configuration as it is.
enum StaticNameService {
    static func useBuiltInModulesOnly() {
        #if STATIC_GLIBC
        for database in ["aliases", "ethers", "group", "gshadow", "initgroups", "netgroup", "networks",
                         "passwd", "protocols", "publickey", "rpc", "services", "shadow"] {
            _ = nssConfigureLookup(database, "files")
        }
        _ = nssConfigureLookup("hosts", "files dns")
        #endif
    }
}

#if STATIC_GLIBC
/// `<nss.h>`, which the Glibc module does not include: glibc's override of nsswitch.conf
/// for static programs (it also stops later reloads of the file).
@_silgen_name("__nss_configure_lookup")
private func nssConfigureLookup(_ database: UnsafePointer<CChar>, _ services: UnsafePointer<CChar>) -> Int32
#endif
