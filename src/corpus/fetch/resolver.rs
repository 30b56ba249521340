//! Name resolution with the address rule: a host the user named may be
//! anywhere (their own machine included); any other host — a redirect's
//! target, a link found in a feed — must resolve only to public
//! addresses. Checked on the addresses actually connected to, so a name
//! that resolves differently the second time cannot slip through.

use super::address::is_public;
use std::collections::HashSet;
use std::net::IpAddr;
use std::sync::Arc;
use ureq::config::Config;
use ureq::http::Uri;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::NextTimeout;

/// Why a connection was not made: the host resolved to an address that is
/// not public, and the user did not name that host.
#[derive(Debug, thiserror::Error)]
#[error("{host} is at a private, loopback or link-local address ({ip})")]
pub struct NotPublic {
    pub host: String,
    pub ip: IpAddr,
}

#[derive(Debug)]
pub struct GuardedResolver {
    inner: DefaultResolver,
    /// `host:port` of every link the user named, lower-cased.
    trusted: Arc<HashSet<String>>,
}

impl GuardedResolver {
    pub fn new(trusted: Arc<HashSet<String>>) -> GuardedResolver {
        GuardedResolver {
            inner: DefaultResolver::default(),
            trusted,
        }
    }
}

/// `host:port` of a request's URI, as `links::authority` writes it.
fn authority_of(uri: &Uri) -> Option<String> {
    let host = uri.host()?.trim_start_matches('[').trim_end_matches(']');
    let port = uri.port_u16().or(match uri.scheme_str() {
        Some("https") => Some(443),
        Some("http") => Some(80),
        _ => None,
    })?;
    let host = host.to_ascii_lowercase();
    // `Url` writes an IPv6 host in brackets; compare like with like.
    let host = if host.contains(':') {
        format!("[{host}]")
    } else {
        host
    };
    Some(format!("{host}:{port}"))
}

impl Resolver for GuardedResolver {
    fn resolve(
        &self,
        uri: &Uri,
        config: &Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let addrs = self.inner.resolve(uri, config, timeout)?;
        let named = authority_of(uri).is_some_and(|a| self.trusted.contains(&a));
        if !named && let Some(bad) = addrs.iter().find(|a| !is_public(a.ip())) {
            let refused = NotPublic {
                host: uri.host().unwrap_or("").to_string(),
                ip: bad.ip(),
            };
            return Err(ureq::Error::Io(std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                refused,
            )));
        }
        Ok(addrs)
    }
}
