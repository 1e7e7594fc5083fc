// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpListener.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <array>
#include <charconv>
#include <chrono>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>
#include <unordered_map>
#include <vector>

namespace wp::server {

namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;

namespace {

// The largest unread body still read (and dropped) after the answer so that its sender
// reads the answer; past it the connection is simply closed.
constexpr std::uint64_t DiscardLimit = 64 << 20;
// A body's memory starts at this (or at its length, when smaller) and doubles as it fills.
constexpr std::uint64_t FirstBodyBlock = 64 * 1024;
// An answer may always take this long, however small.
constexpr std::chrono::seconds MinWriteTime{30};
// A TLS peer that does not answer the closing alert is let go after this.
constexpr std::chrono::seconds ShutdownTimeout{2};

using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

std::string text(beast::string_view v)
{
    return std::string(v.data(), v.size());
}

// The time allowed for `bytes` to cross: a grace period, then MinTransferRate.
std::chrono::steady_clock::duration transferTime(int graceSeconds, std::uint64_t bytes)
{
    return std::chrono::seconds(graceSeconds) +
           std::chrono::milliseconds(bytes * 1000 / HttpListener::MinTransferRate);
}

// The per-client key of an address: IPv4's 4 bytes, or IPv6's first 8 (one subscriber's
// /64), so that a client cannot multiply itself with the addresses of its own prefix.
std::string clientKey(const net::ip::address &a)
{
    if (a.is_v6()) {
        const auto v6 = a.to_v6();
        if (v6.is_v4_mapped())
            return clientKey(net::ip::make_address_v4(net::ip::v4_mapped, v6));
        const auto bytes = v6.to_bytes();
        return '6' + std::string(reinterpret_cast<const char *>(bytes.data()), 8);
    }
    const auto bytes = a.to_v4().to_bytes();
    return '4' + std::string(reinterpret_cast<const char *>(bytes.data()), 4);
}

// The client a TLS terminator names: the last address of X-Forwarded-For, the one the
// terminator itself added (earlier ones are whatever the client sent).
std::optional<std::string> forwardedClient(beast::string_view header)
{
    const auto comma = header.rfind(',');
    beast::string_view last = comma == beast::string_view::npos ? header : header.substr(comma + 1);
    while (!last.empty() && (last.front() == ' ' || last.front() == '\t'))
        last.remove_prefix(1);
    while (!last.empty() && (last.back() == ' ' || last.back() == '\t'))
        last.remove_suffix(1);
    beast::error_code ec;
    const auto address = net::ip::make_address(text(last), ec);
    if (ec || last.empty())
        return std::nullopt;
    return clientKey(address);
}

// Open connections, in all and per client. O(1) per connection, under one short lock.
class ConnectionCounts
{
public:
    ConnectionCounts(int total, int perClient)
        : m_total(std::max(1, total)), m_perClient(std::max(1, perClient))
    {
    }

    bool admit(const std::string &client)
    {
        std::lock_guard lock(m_mutex);
        if (m_open >= m_total)
            return false;
        int &n = m_byClient[client];
        if (n >= m_perClient)
            return false;
        ++n;
        ++m_open;
        return true;
    }

    void release(const std::string &client)
    {
        std::lock_guard lock(m_mutex);
        --m_open;
        const auto it = m_byClient.find(client);
        if (it != m_byClient.end() && --it->second <= 0)
            m_byClient.erase(it);
    }

private:
    const int m_total;
    const int m_perClient;
    std::mutex m_mutex;
    int m_open = 0;
    std::unordered_map<std::string, int> m_byClient;
};

} // namespace

struct HttpListener::State
{
    ListenOptions options;
    Handler handler;
    std::optional<ssl::context> tls;
    // Before `io`: the sessions it destroys give their places back.
    ConnectionCounts counts;
    net::io_context io;
    tcp::acceptor acceptor;
    net::steady_timer acceptPause;

    State(ListenOptions o, Handler h)
        : options(std::move(o)), handler(std::move(h)),
          counts(options.maxConnections, options.maxConnectionsPerAddress),
          io(std::max(1, options.threads)), acceptor(net::make_strand(io)),
          acceptPause(acceptor.get_executor())
    {
    }

    void accept();
    void serve(tcp::socket socket);
};

namespace {

// One connection: read a request's head, hand it over, read its body if the handler asks,
// answer, and again while the peer keeps it alive. Its operations run one after another on
// its own strand, so it needs no lock.
template <class Stream> class Session : public std::enable_shared_from_this<Session<Stream>>
{
public:
    Session(HttpListener::Handler &handler, const ListenOptions &options, Stream stream,
            std::string client, ConnectionCounts &counts)
        : m_handler(handler), m_options(options), m_stream(std::move(stream)),
          m_client(std::move(client)), m_counts(counts)
    {
    }
    ~Session() { m_counts.release(m_client); }
    Session(const Session &) = delete;
    Session &operator=(const Session &) = delete;

    void start()
    {
        if constexpr (std::is_same_v<Stream, TlsStream>) {
            beast::get_lowest_layer(m_stream).expires_after(
                std::chrono::seconds(m_options.headerTimeoutSeconds));
            m_stream.async_handshake(ssl::stream_base::server,
                                     [self = this->shared_from_this()](beast::error_code ec) {
                                         if (!ec)
                                             self->readHead();
                                     });
        } else {
            readHead();
        }
    }

private:
    // Where the current request's body is.
    enum class Body { None, Unread, Reading, Read };

    void readHead()
    {
        m_parser.emplace();
        m_parser->body_limit(m_options.bodyLimit);
        m_bodyState = Body::None;
        // A new connection's first request is due at once; a kept-alive one may idle.
        beast::get_lowest_layer(m_stream).expires_after(
            std::chrono::seconds(m_served == 0 ? m_options.headerTimeoutSeconds
                                               : std::max(1, m_options.keepAliveSeconds)));
        http::async_read_header(m_stream, m_buffer, *m_parser,
                                [self = this->shared_from_this()](
                                    beast::error_code ec, std::size_t) { self->onHead(ec); });
    }

    void onHead(beast::error_code ec)
    {
        const bool overLimit = ec == http::error::body_limit;
        const bool notHttp =
            ec && !overLimit &&
            &ec.category() == &beast::http::make_error_code(http::error::bad_method).category();
        if (ec == http::error::end_of_stream || ec == http::error::partial_message ||
            (ec && !notHttp && !overLimit))
            return close(); // the peer left, went quiet, or the socket failed: nobody to answer
        hand(overLimit ? 413 : notHttp ? 400 : 0);
    }

    // Gives the head to the handler, with the means to answer and to read the body.
    void hand(int refusedWith)
    {
        auto &message = m_parser->get();
        HttpRequest req;
        req.refusedWith = refusedWith;
        req.method = text(message.method_string());
        const beast::string_view target = message.target();
        const auto question = target.find('?');
        req.path = text(target.substr(0, question));
        if (question != beast::string_view::npos)
            req.query = text(target.substr(question + 1));
        req.authorization = text(message[http::field::authorization]);
        req.client = m_client;
        if (m_options.trustForwardedFor)
            if (auto forwarded = forwardedClient(message["X-Forwarded-For"]))
                req.client = std::move(*forwarded);
        m_keepAlive = refusedWith == 0 && message.keep_alive() && m_options.keepAliveSeconds > 0;
        if (refusedWith == 413 || (refusedWith == 0 && !m_parser->is_done())) {
            m_bodyState = Body::Unread;
            req.chunked = m_parser->chunked();
            req.contentLength = declaredLength();
            req.bodyArrived =
                !req.chunked && req.contentLength && m_buffer.size() >= *req.contentLength;
        }

        const auto self = this->shared_from_this();
        m_handler(
            std::move(req),
            [self](HttpResponse answer) {
                // On this connection's strand: at once when answered there (inside the
                // handler), else queued to it.
                net::dispatch(self->m_stream.get_executor(),
                              [self, answer = std::move(answer)]() mutable {
                                  self->write(std::move(answer));
                              });
            },
            [self](std::size_t limit, HttpListener::BodyRead then) {
                net::dispatch(self->m_stream.get_executor(),
                              [self, limit, then = std::move(then)]() mutable {
                                  self->readBody(limit, std::move(then));
                              });
            });
    }

    // The Content-Length the head declares (read from the field itself: after a refusal the
    // parser has not taken it).
    std::optional<std::uint64_t> declaredLength() const
    {
        const beast::string_view field = m_parser->get()[http::field::content_length];
        std::uint64_t length = 0;
        const auto [end, failed] =
            std::from_chars(field.data(), field.data() + field.size(), length);
        if (field.empty() || failed != std::errc() || end != field.data() + field.size())
            return std::nullopt;
        return length;
    }

    bool expectsContinue() const
    {
        return beast::iequals(m_parser->get()[http::field::expect], "100-continue");
    }

    void readBody(std::size_t limit, HttpListener::BodyRead then)
    {
        if (m_bodyState != Body::Unread)
            return then({}, 0); // no body
        m_then = std::move(then);
        if (m_parser->chunked())
            return readChunked(limit);
        const std::uint64_t length = declaredLength().value_or(0);
        if (length > limit)
            return bodyRead({}, 413); // left unread: dropped after the answer
        m_bodyState = Body::Reading;
        if (!expectsContinue() || m_buffer.size() >= length)
            return startBody(length);
        // A client that waits to be invited before sending its body (curl does, past 1 KB):
        // invited only now that the handler wants the body.
        static const char Continue[] = "HTTP/1.1 100 Continue\r\n\r\n";
        beast::get_lowest_layer(m_stream).expires_after(
            std::chrono::seconds(m_options.bodyTimeoutSeconds));
        net::async_write(
            m_stream, net::buffer(Continue, sizeof Continue - 1),
            [self = this->shared_from_this(), length](beast::error_code ec, std::size_t) {
                if (ec)
                    return self->close();
                self->startBody(length);
            });
    }

    // Memory for the body grows with the bytes that arrive, never from the declared length
    // alone; the bytes must keep arriving at MinTransferRate after a grace period.
    void startBody(std::uint64_t length)
    {
        const std::size_t have = std::size_t(std::min<std::uint64_t>(m_buffer.size(), length));
        const std::uint64_t first =
            have == length ? length
                           : std::min<std::uint64_t>(
                                 length, std::max<std::uint64_t>(FirstBodyBlock, 2 * have));
        m_body.resize(qsizetype(first));
        net::buffer_copy(net::buffer(m_body.data(), have), m_buffer.data());
        m_buffer.consume(have);
        m_filled = have;
        m_length = length;
        m_transferStart = std::chrono::steady_clock::now();
        readMoreBody();
    }

    void readMoreBody()
    {
        if (m_filled == m_length) {
            m_bodyState = Body::Read;
            return bodyRead(std::move(m_body), 0);
        }
        if (m_filled == std::uint64_t(m_body.size()))
            m_body.resize(qsizetype(std::min<std::uint64_t>(m_length, 2 * m_filled)));
        // Past the deadline already (a trickle): the read below fails at once.
        beast::get_lowest_layer(m_stream).expires_at(
            m_transferStart + transferTime(m_options.bodyTimeoutSeconds, m_filled));
        m_stream.async_read_some(
            net::buffer(m_body.data() + m_filled, std::size_t(m_body.size()) - m_filled),
            [self = this->shared_from_this()](beast::error_code ec, std::size_t n) {
                if (ec)
                    return self->close();
                self->m_filled += n;
                self->readMoreBody();
            });
    }

    // A chunked body (devices never send one) goes through the parser, which stops at the
    // limit.
    void readChunked(std::size_t limit)
    {
        m_bodyState = Body::Reading;
        m_parser->body_limit(limit);
        beast::get_lowest_layer(m_stream).expires_after(
            transferTime(m_options.bodyTimeoutSeconds, limit));
        http::async_read(m_stream, m_buffer, *m_parser,
                         [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                             if (ec == http::error::body_limit) {
                                 self->m_bodyState = Body::Unread;
                                 return self->bodyRead({}, 413);
                             }
                             if (ec)
                                 return self->close();
                             self->m_bodyState = Body::Read;
                             const std::string &body = self->m_parser->get().body();
                             self->bodyRead(QByteArray(body.data(), qsizetype(body.size())), 0);
                         });
    }

    void bodyRead(QByteArray body, int refusedWith)
    {
        const HttpListener::BodyRead then = std::move(m_then);
        m_then = nullptr;
        then(std::move(body), refusedWith);
    }

    void write(HttpResponse answer)
    {
        bool keepAlive = m_keepAlive;
        m_discard = 0;
        if (m_bodyState == Body::Unread) {
            // A body the handler left unread: skipped when it came whole with the head;
            // otherwise read and dropped after the answer (a peer still sending would not
            // read an answer, and unread bytes reset the connection), then the connection
            // closes. A peer waiting for "100 Continue" sends nothing more.
            const auto length = declaredLength();
            if (keepAlive && length && !m_parser->chunked() && m_buffer.size() >= *length) {
                m_buffer.consume(std::size_t(*length));
            } else {
                keepAlive = false;
                if (length && !m_parser->chunked() && !expectsContinue() &&
                    *length - std::min<std::uint64_t>(*length, m_buffer.size()) <= DiscardLimit)
                    m_discard = *length - std::min<std::uint64_t>(*length, m_buffer.size());
            }
        } else if (m_bodyState == Body::Reading) {
            keepAlive = false;
        }
        m_answer = std::move(answer);
        // The head is written here and goes out with the body in one gathered write; the
        // body is sent from the handler's own bytes, not copied into a message.
        const int status = m_answer.status;
        m_head = "HTTP/1.1 " + std::to_string(status) + ' ' +
                 text(http::obsolete_reason(http::int_to_status(unsigned(status)))) +
                 "\r\nContent-Type: application/cbor\r\nContent-Length: " +
                 std::to_string(m_answer.body.size()) + "\r\n";
        if (m_answer.retryAfter > 0)
            m_head += "Retry-After: " + std::to_string(m_answer.retryAfter) + "\r\n";
        m_head += keepAlive ? "\r\n" : "Connection: close\r\n\r\n";
        ++m_served;
        beast::get_lowest_layer(m_stream).expires_after(
            std::max<std::chrono::steady_clock::duration>(
                MinWriteTime,
                transferTime(m_options.bodyTimeoutSeconds, std::uint64_t(m_answer.body.size()))));
        auto written = [self = this->shared_from_this(), keepAlive](beast::error_code ec,
                                                                    std::size_t) {
            if (ec)
                return; // the peer is gone; the socket closes with us
            if (self->m_discard > 0) {
                self->m_buffer.clear();
                self->m_filled = 0;
                self->m_transferStart = std::chrono::steady_clock::now();
                return self->discardMore();
            }
            if (!keepAlive)
                return self->close();
            self->readHead();
        };
        if constexpr (std::is_same_v<Stream, TlsStream>) {
            // A gathered write of a large answer through Beast 1.74's ssl_stream does not reach
            // the device (tst_server_sync, over TLS): one contiguous buffer instead.
            m_head.append(m_answer.body.constData(), std::size_t(m_answer.body.size()));
            net::async_write(m_stream, net::buffer(m_head), std::move(written));
        } else {
            const std::array<net::const_buffer, 2> out{
                net::buffer(m_head),
                net::buffer(m_answer.body.constData(), std::size_t(m_answer.body.size()))};
            net::async_write(m_stream, out, std::move(written));
        }
    }

    // Reads and drops the rest of an unread body, at the pace a body must keep, then closes.
    void discardMore()
    {
        m_buffer.clear();
        if (m_discard == 0)
            return close();
        beast::get_lowest_layer(m_stream).expires_at(
            m_transferStart + transferTime(m_options.bodyTimeoutSeconds, m_filled));
        m_stream.async_read_some(
            m_buffer.prepare(std::size_t(std::min<std::uint64_t>(m_discard, 64 * 1024))),
            [self = this->shared_from_this()](beast::error_code ec, std::size_t n) {
                if (ec)
                    return self->close();
                const std::uint64_t got = std::min<std::uint64_t>(n, self->m_discard);
                self->m_discard -= got;
                self->m_filled += got;
                self->discardMore();
            });
    }

    // Closes after the last answer. Unread bytes would make the kernel reset the connection
    // and could destroy that answer before the peer reads it, so what the peer still sends
    // is read and dropped until it closes too, for a short while.
    void close()
    {
        // Whoever waited for the body will not get it; what it holds (the handler's state,
        // which holds this connection object) goes now.
        m_then = nullptr;
        beast::get_lowest_layer(m_stream).expires_after(ShutdownTimeout);
        if constexpr (std::is_same_v<Stream, TlsStream>) {
            m_stream.async_shutdown([self = this->shared_from_this()](beast::error_code) {});
        } else {
            beast::error_code ignored;
            m_stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
            drain();
        }
    }

    void drain()
    {
        m_buffer.clear();
        m_stream.async_read_some(
            m_buffer.prepare(16 * 1024),
            [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                if (!ec)
                    self->drain();
            });
    }

    HttpListener::Handler &m_handler;
    const ListenOptions &m_options;
    Stream m_stream;
    std::string m_client;
    ConnectionCounts &m_counts;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    bool m_keepAlive = false;
    Body m_bodyState = Body::None;
    HttpListener::BodyRead m_then; // who waits for the body being read
    QByteArray m_body;             // a body of known length, as it arrives
    std::uint64_t m_length = 0;    // its length
    std::uint64_t m_filled = 0;    // bytes of it received (or dropped, when discarding)
    std::chrono::steady_clock::time_point m_transferStart;
    std::uint64_t m_discard = 0; // bytes of an unread body still to drop
    HttpResponse m_answer;
    std::string m_head; // the answer's status line and headers
    int m_served = 0;
};

} // namespace

void HttpListener::State::accept()
{
    acceptor.async_accept(net::make_strand(io), [this](beast::error_code ec, tcp::socket socket) {
        if (ec == net::error::operation_aborted)
            return;
        if (ec) {
            // Out of descriptors, say: try again shortly rather than spin.
            acceptPause.expires_after(std::chrono::milliseconds(100));
            acceptPause.async_wait([this](beast::error_code waited) {
                if (!waited)
                    accept();
            });
            return;
        }
        serve(std::move(socket));
        // Everyone else already waiting is taken now: one accept per turn of the event loop
        // would leave a burst of devices that connected first waiting behind the requests
        // of those accepted before them.
        for (;;) {
            tcp::socket next(net::make_strand(io));
            acceptor.accept(next, ec);
            if (ec)
                break;
            serve(std::move(next));
        }
        accept();
    });
}

void HttpListener::State::serve(tcp::socket socket)
{
    beast::error_code ignored;
    const auto peer = socket.remote_endpoint(ignored);
    std::string client = ignored ? std::string("-") : clientKey(peer.address());
    if (!counts.admit(client)) {
        // Over a cap: closed at once, with a reset, so that neither side keeps the socket.
        socket.set_option(net::socket_base::linger(true, 0), ignored);
        socket.close(ignored);
        return;
    }
    // Answers go out as one write, but a request that arrives in two segments should not
    // wait for a delayed ACK either.
    socket.set_option(tcp::no_delay(true), ignored);
    beast::tcp_stream stream(std::move(socket));
    if (tls)
        std::make_shared<Session<TlsStream>>(handler, options, TlsStream(std::move(stream), *tls),
                                             std::move(client), counts)
            ->start();
    else
        std::make_shared<Session<PlainStream>>(handler, options, std::move(stream),
                                               std::move(client), counts)
            ->start();
}

HttpListener::HttpListener(ListenOptions options, Handler handler)
    : d(std::make_unique<State>(std::move(options), std::move(handler)))
{
}

HttpListener::~HttpListener()
{
    stop();
}

Result<int> HttpListener::bind()
{
    const ListenOptions &o = d->options;
    if (!o.tlsCert.isEmpty()) {
        ssl::context tls(ssl::context::tls_server);
        boost::system::error_code ec;
        tls.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                            ssl::context::no_sslv3 | ssl::context::no_tlsv1 |
                            ssl::context::no_tlsv1_1,
                        ec);
        if (!ec)
            tls.use_certificate_chain_file(o.tlsCert.toStdString(), ec);
        if (!ec)
            tls.use_private_key_file(o.tlsKey.toStdString(), ssl::context::pem, ec);
        if (ec)
            return Error(ErrorCode::InvalidInput,
                         QStringLiteral("the TLS certificate or key cannot be used"));
        d->tls.emplace(std::move(tls));
    }

    const auto cannotListen = [&] {
        return Error(ErrorCode::Network,
                     QStringLiteral("cannot listen on %1:%2").arg(o.host).arg(o.port));
    };
    boost::system::error_code ec;
    tcp::resolver resolver(d->io);
    const auto endpoints =
        resolver.resolve(o.host.toStdString(), std::to_string(o.port), tcp::resolver::passive, ec);
    if (ec || endpoints.empty())
        return cannotListen();
    const tcp::endpoint at = endpoints.begin()->endpoint();
    d->acceptor.open(at.protocol(), ec);
    if (!ec)
        d->acceptor.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec)
        d->acceptor.bind(at, ec);
    // A burst of devices connecting at once must not see dropped SYNs.
    if (!ec)
        d->acceptor.listen(1024, ec);
    // accept() takes what is waiting without blocking (State::accept).
    if (!ec)
        d->acceptor.non_blocking(true, ec);
    if (ec) {
        boost::system::error_code ignored;
        d->acceptor.close(ignored);
        return cannotListen();
    }
    return int(d->acceptor.local_endpoint().port());
}

void HttpListener::run()
{
    d->accept();
    std::vector<std::thread> others;
    for (int i = 1; i < std::max(1, d->options.threads); ++i)
        others.emplace_back([this] { d->io.run(); });
    d->io.run();
    for (std::thread &t : others)
        t.join();
}

void HttpListener::stop()
{
    d->io.stop();
}

bool HttpListener::isLoopback(const QString &host)
{
    net::io_context io;
    tcp::resolver resolver(io);
    boost::system::error_code ec;
    const auto endpoints = resolver.resolve(host.toStdString(), "0", tcp::resolver::passive, ec);
    if (ec || endpoints.empty())
        return false;
    for (const auto &e : endpoints)
        if (!e.endpoint().address().is_loopback())
            return false;
    return true;
}

} // namespace wp::server
