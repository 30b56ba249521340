//! The HTTP client: blocking, rustls, with timeouts, a size cap (after
//! decompression), at most a few redirects, each followed by hand so that
//! every hop is checked (http or https only; the address rule is the
//! resolver's), and an honest user agent. Proxy settings in the
//! environment are not used: the address rule needs parallax to resolve
//! names itself.

use super::FetchError;
use super::links::parse_link;
use super::resolver::{GuardedResolver, NotPublic};
use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;
use ureq::Agent;
use ureq::unversioned::transport::DefaultConnector;

/// Redirects followed at most for one link.
pub const MAX_REDIRECTS: usize = 5;
/// Bytes of one response at most, after decompression.
pub const MAX_RESPONSE_BYTES: u64 = 16 * 1024 * 1024;

const ACCEPT: &str = "text/html,application/xhtml+xml,application/rss+xml,\
application/atom+xml,application/feed+json;q=0.9,application/xml;q=0.8,\
application/json;q=0.8,text/plain;q=0.7,*/*;q=0.5";

/// How long each step may take.
#[derive(Debug, Clone, Copy)]
pub struct Timeouts {
    pub connect: Duration,
    /// Between two reads of the response.
    pub read: Duration,
    /// The whole exchange, redirects and body included.
    pub total: Duration,
}

impl Default for Timeouts {
    fn default() -> Timeouts {
        Timeouts {
            connect: Duration::from_secs(10),
            read: Duration::from_secs(20),
            total: Duration::from_secs(90),
        }
    }
}

/// `parallax/0.1.0`, and the repository's address when the package has one.
pub fn user_agent() -> String {
    let repo = env!("CARGO_PKG_REPOSITORY");
    let version = env!("CARGO_PKG_VERSION");
    if repo.is_empty() {
        format!("parallax/{version}")
    } else {
        format!("parallax/{version} (+{repo})")
    }
}

/// A response that came back whole.
#[derive(Debug)]
pub struct Response {
    /// Where it came from after redirects.
    pub final_url: String,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
}

#[derive(Clone)]
pub struct Client {
    agent: Agent,
    max_bytes: u64,
}

impl Client {
    /// A client that may reach a private or loopback address only at the
    /// `host:port`s in `trusted` (the links the user named).
    pub fn new(trusted: HashSet<String>, timeouts: Timeouts, max_bytes: u64) -> Client {
        let config = Agent::config_builder()
            .user_agent(user_agent())
            .max_redirects(0)
            .http_status_as_error(false)
            .proxy(None)
            .timeout_resolve(Some(timeouts.connect))
            .timeout_connect(Some(timeouts.connect))
            .timeout_per_read(Some(timeouts.read))
            .timeout_global(Some(timeouts.total))
            .build();
        let resolver = GuardedResolver::new(Arc::new(trusted));
        Client {
            agent: Agent::with_parts(config, DefaultConnector::default(), resolver),
            max_bytes,
        }
    }

    /// GET a link, following redirects that pass the rules.
    pub fn get(&self, link: &str) -> Result<Response, FetchError> {
        let mut url = parse_link(link).ok_or(FetchError::NotHttp)?;
        for _ in 0..=MAX_REDIRECTS {
            let mut response = self
                .agent
                .get(url.as_str())
                .header("Accept", ACCEPT)
                .call()
                .map_err(|e| from_ureq(e, self.max_bytes))?;
            let status = response.status();
            if status.is_redirection() {
                let location = response
                    .headers()
                    .get("location")
                    .and_then(|v| v.to_str().ok())
                    .ok_or(FetchError::Status(status_text(status)))?;
                let next = url
                    .join(location)
                    .map_err(|_| FetchError::BadRedirect(location.to_string()))?;
                if !matches!(next.scheme(), "http" | "https") {
                    return Err(FetchError::RedirectScheme(next.scheme().to_string()));
                }
                url = next;
                continue;
            }
            if !status.is_success() {
                return Err(FetchError::Status(status_text(status)));
            }
            let headers = response.headers();
            let declared = headers
                .get("content-length")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.trim().parse::<u64>().ok());
            // Said before reading when the server says so; a compressed body
            // is checked again as it is read.
            if declared.is_some_and(|n| n > self.max_bytes) {
                return Err(FetchError::TooLarge(self.max_bytes));
            }
            let content_type = headers
                .get("content-type")
                .and_then(|v| v.to_str().ok())
                .map(str::to_string);
            let body = response
                .body_mut()
                .with_config()
                .limit(self.max_bytes)
                .read_to_vec()
                .map_err(|e| from_ureq(e, self.max_bytes))?;
            return Ok(Response {
                final_url: url.to_string(),
                content_type,
                body,
            });
        }
        Err(FetchError::TooManyRedirects(MAX_REDIRECTS))
    }
}

fn status_text(status: ureq::http::StatusCode) -> String {
    match status.canonical_reason() {
        Some(r) => format!("{} {r}", status.as_u16()),
        None => status.as_u16().to_string(),
    }
}

/// A ureq error as a reason a person can read.
fn from_ureq(e: ureq::Error, max_bytes: u64) -> FetchError {
    use std::io::ErrorKind;
    match e {
        ureq::Error::HostNotFound => FetchError::HostNotFound,
        ureq::Error::Timeout(t) => FetchError::Timeout(t.to_string()),
        ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge(max_bytes),
        ureq::Error::Io(io) => {
            if let Some(refused) = io.get_ref().and_then(|i| i.downcast_ref::<NotPublic>()) {
                return FetchError::NotPublic(refused.to_string());
            }
            match io.kind() {
                ErrorKind::ConnectionRefused => FetchError::Refused,
                ErrorKind::TimedOut | ErrorKind::WouldBlock => {
                    FetchError::Timeout("read".to_string())
                }
                _ if io.to_string().contains("lookup") => FetchError::HostNotFound,
                _ => FetchError::Other(io.to_string()),
            }
        }
        other => FetchError::Other(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::TcpListener;

    /// A client that may reach 127.0.0.1 at `port`, with this read timeout.
    fn client_for(port: u16, read: Duration) -> Client {
        let timeouts = Timeouts {
            read,
            ..Timeouts::default()
        };
        let trusted = [format!("127.0.0.1:{port}")].into_iter().collect();
        Client::new(trusted, timeouts, 1024)
    }

    #[test]
    fn a_server_that_never_answers_times_out() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        // Accept and hold the connection without a word.
        let hold = std::thread::spawn(move || listener.accept().map(|(s, _)| s));
        let client = client_for(port, Duration::from_millis(300));
        let got = client.get(&format!("http://127.0.0.1:{port}/slow"));
        assert!(matches!(got, Err(FetchError::Timeout(_))), "{got:?}");
        drop(hold.join());
    }

    #[test]
    fn nothing_listening_is_refused() {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let got =
            client_for(port, Duration::from_secs(5)).get(&format!("http://127.0.0.1:{port}/"));
        assert_eq!(got.err(), Some(FetchError::Refused));
    }

    #[test]
    fn only_http_links_are_fetched_and_the_agent_says_who_it_is() {
        let client = client_for(1, Duration::from_secs(1));
        assert_eq!(
            client.get("file:///etc/passwd").err(),
            Some(FetchError::NotHttp)
        );
        assert!(user_agent().starts_with("parallax/"));
    }
}
