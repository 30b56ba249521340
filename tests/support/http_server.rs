//! A tiny HTTP/1.1 server on 127.0.0.1 for tests that fetch links: fixed
//! responses by path, one request per connection, a count of requests
//! per path and the last User-Agent seen. It serves only this machine's
//! loopback and stops when dropped (or `stop`), so a test can go on
//! offline.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// One fixed response.
#[derive(Clone)]
pub struct Reply {
    pub status: &'static str,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status: "200 OK",
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
        }
    }

    pub fn html(body: &str) -> Reply {
        Reply::ok("text/html; charset=utf-8", body)
    }

    pub fn redirect(location: &str) -> Reply {
        Reply {
            status: "302 Found",
            headers: vec![("Location".into(), location.into())],
            body: Vec::new(),
        }
    }

    pub fn not_found() -> Reply {
        Reply {
            status: "404 Not Found",
            headers: vec![("Content-Type".into(), "text/plain".into())],
            body: b"no such page".to_vec(),
        }
    }

    pub fn with_header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.into(), value.into()));
        self
    }
}

pub struct Server {
    pub port: u16,
    hits: Arc<Mutex<HashMap<String, usize>>>,
    agents: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// Serve the routes `routes(port)` gives (the port is known first, so
    /// a reply can name the server's own address).
    pub fn start(routes: impl FnOnce(u16) -> HashMap<String, Reply>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = listener.local_addr().unwrap().port();
        let routes = Arc::new(routes(port));
        let hits = Arc::new(Mutex::new(HashMap::new()));
        let agents = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (h, a, s) = (Arc::clone(&hits), Arc::clone(&agents), Arc::clone(&stop));
        let thread = std::thread::spawn(move || {
            for conn in listener.incoming() {
                if s.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let (routes, h, a) = (Arc::clone(&routes), Arc::clone(&h), Arc::clone(&a));
                // Each connection on its own thread: a client reading
                // slowly must not hold up the others.
                std::thread::spawn(move || serve(conn, &routes, &h, &a));
            }
        });
        Server {
            port,
            hits,
            agents,
            stop,
            thread: Some(thread),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Requests seen for `path`.
    pub fn hits(&self, path: &str) -> usize {
        self.hits.lock().unwrap().get(path).copied().unwrap_or(0)
    }

    pub fn user_agents(&self) -> Vec<String> {
        self.agents.lock().unwrap().clone()
    }

    /// Stop accepting; the port is closed when this returns.
    pub fn stop(&mut self) {
        if let Some(t) = self.thread.take() {
            self.stop.store(true, Ordering::SeqCst);
            let _ = TcpStream::connect(("127.0.0.1", self.port));
            let _ = t.join();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

fn serve(
    mut conn: TcpStream,
    routes: &HashMap<String, Reply>,
    hits: &Mutex<HashMap<String, usize>>,
    agents: &Mutex<Vec<String>>,
) {
    let _ = conn.set_read_timeout(Some(Duration::from_secs(10)));
    let mut head = Vec::new();
    let mut buf = [0u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 64 * 1024 {
        match conn.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
    }
    let head = String::from_utf8_lossy(&head).into_owned();
    let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
    if let Some(ua) = head.lines().find_map(|l| {
        l.strip_prefix("user-agent: ")
            .or(l.strip_prefix("User-Agent: "))
    }) {
        agents.lock().unwrap().push(ua.trim().to_string());
    }
    *hits.lock().unwrap().entry(path.clone()).or_insert(0) += 1;
    let reply = routes.get(&path).cloned().unwrap_or_else(Reply::not_found);
    let mut out = format!("HTTP/1.1 {}\r\nConnection: close\r\n", reply.status);
    if !reply
        .headers
        .iter()
        .any(|(k, _)| k.eq_ignore_ascii_case("content-length"))
    {
        out.push_str(&format!("Content-Length: {}\r\n", reply.body.len()));
    }
    for (k, v) in &reply.headers {
        out.push_str(&format!("{k}: {v}\r\n"));
    }
    out.push_str("\r\n");
    // The client may hang up early (a body it refuses): not an error here.
    let _ = conn.write_all(out.as_bytes());
    let _ = conn.write_all(&reply.body);
    let _ = conn.flush();
}
