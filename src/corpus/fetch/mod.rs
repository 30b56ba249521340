//! Links fetched over HTTP(S) for the loader: a small blocking client with
//! the network rules (see HARDENING.md) and an on-disk cache, so the same
//! link is fetched once and a session resumes offline. No terminal code:
//! progress goes to a callback.

mod address;
mod cache;
mod client;
pub mod links;
mod resolver;

pub use cache::{CACHE_DIR_ENV, Cache, CachedMeta};
pub use client::{Client, MAX_REDIRECTS, MAX_RESPONSE_BYTES, Timeouts, user_agent};
use std::collections::HashSet;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Links fetched at once at most.
const WORKERS: usize = 4;

/// Why a link gave nothing; said as `parallax: warning: LINK: REASON`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    #[error("not an http(s) link")]
    NotHttp,
    #[error("host not found")]
    HostNotFound,
    #[error("connection refused")]
    Refused,
    #[error("timed out ({0})")]
    Timeout(String),
    #[error("HTTP {0}")]
    Status(String),
    #[error("larger than {}; not read", crate::corpus::human_bytes(*.0))]
    TooLarge(u64),
    #[error("redirect to a {0}: link refused (only http and https are followed)")]
    RedirectScheme(String),
    #[error("redirect to an unreadable address {0:?}")]
    BadRedirect(String),
    #[error("refused: {0}; only a host you name yourself may be private")]
    NotPublic(String),
    #[error("more than {0} redirects")]
    TooManyRedirects(usize),
    #[error("{0}")]
    Other(String),
}

/// A page, fetched now or earlier (from the cache).
#[derive(Debug, Clone)]
pub struct Fetched {
    pub meta: CachedMeta,
    pub body: Vec<u8>,
    /// Something the user should hear although the page is there (the
    /// refresh failed and the cached copy is used; the cache could not be
    /// written).
    pub note: Option<String>,
}

pub struct Fetcher {
    client: Client,
    cache: Option<Cache>,
    refresh: bool,
}

impl Fetcher {
    /// The fetcher for the links the user named (`trusted`: their
    /// `host:port`s), with the cache from the environment.
    pub fn new(trusted: HashSet<String>, refresh: bool) -> Fetcher {
        Fetcher::with(
            Client::new(trusted, Timeouts::default(), MAX_RESPONSE_BYTES),
            Cache::from_env(),
            refresh,
        )
    }

    pub fn with(client: Client, cache: Option<Cache>, refresh: bool) -> Fetcher {
        Fetcher {
            client,
            cache,
            refresh,
        }
    }

    fn cached(&self, url: &str) -> Option<Fetched> {
        let (meta, body) = self.cache.as_ref()?.get(url, MAX_RESPONSE_BYTES)?;
        Some(Fetched {
            meta,
            body,
            note: None,
        })
    }

    /// Fetch one link over the network and keep it in the cache; with
    /// `--refresh`, a failure falls back on the cached copy.
    fn fetch_now(&self, url: &str) -> Result<Fetched, FetchError> {
        let response = match self.client.get(url) {
            Ok(r) => r,
            Err(e) => {
                return match self.refresh.then(|| self.cached(url)).flatten() {
                    Some(mut old) => {
                        old.note =
                            Some(format!("{e}; using the copy fetched {}", old.meta.fetched));
                        Ok(old)
                    }
                    None => Err(e),
                };
            }
        };
        let meta = CachedMeta {
            url: url.to_string(),
            final_url: response.final_url,
            content_type: response.content_type,
            fetched: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            bytes: response.body.len() as u64,
        };
        let note = match &self.cache {
            Some(c) => c
                .put(&meta, &response.body)
                .err()
                .map(|e| format!("fetched, but not kept in {}: {e}", c.dir().display())),
            None => None,
        };
        Ok(Fetched {
            meta,
            body: response.body,
            note,
        })
    }

    /// Fetch links, each from the cache when it is there (unless
    /// refreshing), the rest over the network, a few at a time.
    /// `progress(done, total, link)` is called on this thread as each
    /// network fetch ends; cache hits are not counted.
    pub fn fetch_all(
        &self,
        urls: &[String],
        progress: &mut dyn FnMut(usize, usize, &str),
    ) -> Vec<Result<Fetched, FetchError>> {
        let mut results: Vec<Option<Result<Fetched, FetchError>>> = urls
            .iter()
            .map(|u| {
                if self.refresh {
                    None
                } else {
                    self.cached(u).map(Ok)
                }
            })
            .collect();
        let todo: Vec<usize> = (0..urls.len()).filter(|&i| results[i].is_none()).collect();
        if !todo.is_empty() {
            let next = AtomicUsize::new(0);
            let done_slots = Mutex::new(Vec::new());
            let (tx, rx) = std::sync::mpsc::channel::<usize>();
            std::thread::scope(|scope| {
                for _ in 0..WORKERS.min(todo.len()) {
                    let tx = tx.clone();
                    let (next, todo, done_slots) = (&next, &todo, &done_slots);
                    scope.spawn(move || {
                        loop {
                            let k = next.fetch_add(1, Ordering::Relaxed);
                            let Some(&i) = todo.get(k) else { break };
                            let r = self.fetch_now(&urls[i]);
                            if let Ok(mut slots) = done_slots.lock() {
                                slots.push((i, r));
                            }
                            let _ = tx.send(i);
                        }
                    });
                }
                drop(tx);
                for (n, i) in rx.iter().enumerate() {
                    progress(n + 1, todo.len(), &urls[i]);
                }
            });
            let slots = done_slots.into_inner().unwrap_or_default();
            for (i, r) in slots {
                results[i] = Some(r);
            }
        }
        results
            .into_iter()
            .map(|r| r.unwrap_or_else(|| Err(FetchError::Other("not fetched".into()))))
            .collect()
    }
}
