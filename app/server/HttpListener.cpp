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
#include <optional>
#include <thread>
#include <type_traits>
#include <vector>

namespace wp::server {

namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;

namespace {

// Once a request has begun, or an answer is being written, the peer gets this long.
constexpr std::chrono::seconds TransferTimeout{30};
// The largest refused body still read (and dropped) so that its sender reads the refusal.
constexpr std::uint64_t DiscardLimit = 64 << 20;
// A TLS peer that does not answer the closing alert is let go after this.
constexpr std::chrono::seconds ShutdownTimeout{2};

using PlainStream = beast::tcp_stream;
std::string text(beast::string_view v)
{
    return std::string(v.data(), v.size());
}

using TlsStream = beast::ssl_stream<beast::tcp_stream>;

} // namespace

struct HttpListener::State
{
    ListenOptions options;
    Handler handler;
    std::optional<ssl::context> tls;
    net::io_context io;
    tcp::acceptor acceptor;
    net::steady_timer acceptPause;

    State(ListenOptions o, Handler h)
        : options(std::move(o)), handler(std::move(h)), io(std::max(1, options.threads)),
          acceptor(net::make_strand(io)), acceptPause(acceptor.get_executor())
    {
    }

    void accept();
    void serve(tcp::socket socket);
};

namespace {

// One connection: read a request, answer it, and again while the peer keeps it alive. Its
// operations run one after another on its own strand, so it needs no lock.
template <class Stream> class Session : public std::enable_shared_from_this<Session<Stream>>
{
public:
    Session(HttpListener::Handler &handler, const ListenOptions &options, Stream stream,
            std::string remote)
        : m_handler(handler), m_options(options), m_stream(std::move(stream)),
          m_remote(std::move(remote))
    {
    }

    void start()
    {
        if constexpr (std::is_same_v<Stream, TlsStream>) {
            beast::get_lowest_layer(m_stream).expires_after(TransferTimeout);
            m_stream.async_handshake(ssl::stream_base::server,
                                     [self = this->shared_from_this()](beast::error_code ec) {
                                         if (!ec)
                                             self->readHeader();
                                     });
        } else {
            readHeader();
        }
    }

private:
    void readHeader()
    {
        m_parser.emplace();
        m_parser->body_limit(m_options.bodyLimit);
        // A new connection's first request is due at once; a kept-alive one may idle.
        beast::get_lowest_layer(m_stream).expires_after(
            m_served == 0 ? TransferTimeout
                          : std::chrono::seconds(std::max(1, m_options.keepAliveSeconds)));
        http::async_read_header(
            m_stream, m_buffer, *m_parser,
            [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                if (ec)
                    return self->onRead(ec);
                self->continueIfAsked();
            });
    }

    // A client that waits to be invited before sending its body (curl does, past 1 KB).
    void continueIfAsked()
    {
        if (!beast::iequals(m_parser->get()[http::field::expect], "100-continue") ||
            m_parser->is_done())
            return readBody();
        static const char Continue[] = "HTTP/1.1 100 Continue\r\n\r\n";
        net::async_write(m_stream, net::buffer(Continue, sizeof Continue - 1),
                         [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                             if (ec)
                                 return self->close();
                             self->readBody();
                         });
    }

    void readBody()
    {
        m_body.reset();
        if (m_parser->is_done())
            return onRead({});
        beast::get_lowest_layer(m_stream).expires_after(TransferTimeout);
        const auto length = m_parser->content_length();
        if (!length || m_parser->chunked()) {
            http::async_read(m_stream, m_buffer, *m_parser,
                             [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                                 self->onRead(ec);
                             });
            return;
        }
        // A body of known length goes straight into its string: one receive per socket
        // buffer's worth, where the parser takes 64 KB per turn of the event loop, which slows
        // a large push. The header already held it to the body limit.
        m_body.emplace(std::size_t(*length), '\0');
        const std::size_t have = std::min<std::size_t>(m_buffer.size(), std::size_t(*length));
        net::buffer_copy(net::buffer(m_body->data(), have), m_buffer.data());
        m_buffer.consume(have);
        net::async_read(m_stream, net::buffer(m_body->data() + have, m_body->size() - have),
                        [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                            if (ec)
                                return self->close();
                            self->respond(0);
                        });
    }

    void onRead(beast::error_code ec)
    {
        if (ec == http::error::body_limit)
            return discardBody();
        const bool notHttp =
            ec &&
            &ec.category() == &beast::http::make_error_code(http::error::bad_method).category();
        if (ec == http::error::end_of_stream || ec == http::error::partial_message ||
            (ec && !notHttp))
            return close(); // the peer left, went quiet, or the socket failed: nobody to answer
        respond(ec ? 400 : 0);
    }

    // A body over the limit is read and dropped before the 413 goes out: a peer still
    // sending would not read an answer that came first (and unread bytes reset the
    // connection). Past DiscardLimit, or without a length, the answer goes at once.
    void discardBody()
    {
        // The parser stops at the header's end, before it counts as done: read the length
        // from the field itself.
        const beast::string_view field = m_parser->get()[http::field::content_length];
        std::uint64_t length = 0;
        const auto [end, failed] =
            std::from_chars(field.data(), field.data() + field.size(), length);
        if (failed != std::errc() || end != field.data() + field.size() || length > DiscardLimit)
            return respond(413);
        m_discard = length > m_buffer.size() ? length - m_buffer.size() : 0;
        beast::get_lowest_layer(m_stream).expires_after(TransferTimeout);
        discardMore();
    }

    void discardMore()
    {
        m_buffer.clear();
        if (m_discard == 0)
            return respond(413);
        m_stream.async_read_some(
            m_buffer.prepare(std::size_t(std::min<std::uint64_t>(m_discard, 64 * 1024))),
            [self = this->shared_from_this()](beast::error_code ec, std::size_t n) {
                if (ec)
                    return self->close();
                self->m_discard -= std::min<std::uint64_t>(n, self->m_discard);
                self->discardMore();
            });
    }

    // Answers the parsed request, or refuses it with `refusedWith` (400, 413) and closes.
    void respond(int refusedWith)
    {
        HttpRequest req;
        req.refusedWith = refusedWith;
        auto &message = m_parser->get();
        req.method = text(message.method_string());
        const beast::string_view target = message.target();
        const auto question = target.find('?');
        req.path = text(target.substr(0, question));
        if (question != beast::string_view::npos)
            req.query = text(target.substr(question + 1));
        req.authorization = text(message[http::field::authorization]);
        req.remoteAddress = m_remote;
        const bool keepAlive =
            refusedWith == 0 && message.keep_alive() && m_options.keepAliveSeconds > 0;
        if (refusedWith == 0)
            req.body = m_body ? std::move(*m_body) : std::move(message.body());

        m_handler(std::move(req),
                  [self = this->shared_from_this(), keepAlive](HttpResponse answer) {
                      // On this connection's strand: at once when answered there (inside the
                      // handler), else queued to it.
                      net::dispatch(self->m_stream.get_executor(),
                                    [self, keepAlive, answer = std::move(answer)]() mutable {
                                        self->write(std::move(answer), keepAlive);
                                    });
                  });
    }

    void write(HttpResponse answer, bool keepAlive)
    {
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
        beast::get_lowest_layer(m_stream).expires_after(TransferTimeout);
        auto written = [self = this->shared_from_this(), keepAlive](beast::error_code ec,
                                                                    std::size_t) {
            if (ec)
                return; // the peer is gone; the socket closes with us
            if (!keepAlive)
                return self->close();
            self->readHeader();
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

    // Closes after the last answer. Unread bytes (the rest of a refused body) would make the
    // kernel reset the connection and could destroy that answer before the peer reads it, so
    // what the peer still sends is read and dropped until it closes too, for a short while.
    void close()
    {
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
    std::string m_remote;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    HttpResponse m_answer;
    std::string m_head;                // the answer's status line and headers
    std::optional<std::string> m_body; // a body read around the parser (readBody)
    std::uint64_t m_discard = 0;
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
    // Answers go out as one write, but a request that arrives in two segments should not
    // wait for a delayed ACK either.
    socket.set_option(tcp::no_delay(true), ignored);
    const auto peer = socket.remote_endpoint(ignored);
    std::string remote = ignored ? std::string("-") : peer.address().to_string();
    beast::tcp_stream stream(std::move(socket));
    if (tls)
        std::make_shared<Session<TlsStream>>(handler, options, TlsStream(std::move(stream), *tls),
                                             std::move(remote))
            ->start();
    else
        std::make_shared<Session<PlainStream>>(handler, options, std::move(stream),
                                               std::move(remote))
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

} // namespace wp::server
