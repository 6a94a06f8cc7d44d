package org.saferpartnerships.testing.browser;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real Chromium, headless, driven through ChromeDriver's W3C WebDriver protocol (plain HTTP and
 * JSON, so no client library rides on the tests' classpath). Debian's {@code chromium} and
 * {@code chromium-driver} packages provide both; {@code CSP_CHROMIUM} and {@code CSP_CHROMEDRIVER}
 * name others. Flags as this machine needs them: no sandbox (root), and no background networking,
 * whose connections the closed network refuses.
 */
public final class Browser implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Process driver;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String session;

    private Browser(Process driver, String base) {
        this.driver = driver;
        this.base = base;
        this.session = base + "/session/" + newSession();
    }

    /** Starts ChromeDriver on a free port and a headless Chromium under it, its window width by height. */
    public static Browser start(int width, int height) {
        String chromium = System.getenv().getOrDefault("CSP_CHROMIUM", "/usr/bin/chromium");
        String chromedriver = System.getenv().getOrDefault("CSP_CHROMEDRIVER", "/usr/bin/chromedriver");
        for (String binary : List.of(chromium, chromedriver)) {
            if (!Files.isExecutable(Path.of(binary))) {
                throw new IllegalStateException(binary + " is missing: install Debian's chromium and chromium-driver "
                        + "(apt-get install chromium chromium-driver; .ci/run does) or set CSP_CHROMIUM/CSP_CHROMEDRIVER");
            }
        }
        int port = freePort();
        Process driver;
        try {
            driver = new ProcessBuilder(chromedriver, "--port=" + port).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + chromedriver, e);
        }
        Browser browser = null;
        try {
            awaitReady(HttpClient.newHttpClient(), "http://127.0.0.1:" + port);
            browser = new Browser(driver, "http://127.0.0.1:" + port);
            browser.windowSize(width, height);
            return browser;
        } finally {
            if (browser == null) {
                driver.destroyForcibly();
            }
        }
    }

    /** Opens the address (http: or file:) and waits for the page to have loaded. */
    public void open(String url) {
        command("POST", "/url", Map.of("url", url));
    }

    /** Runs the script in the page (a function body: {@code return …}) and returns its value as JSON. */
    public JsonNode script(String body, Object... arguments) {
        return command("POST", "/execute/sync", Map.of("script", body, "args", List.of(arguments)));
    }

    /** A PNG of what the window shows now. */
    public byte[] screenshot() {
        return Base64.getDecoder().decode(command("GET", "/screenshot", null).asText());
    }

    public void windowSize(int width, int height) {
        command("POST", "/window/rect", Map.of("width", width, "height", height));
    }

    /**
     * Screenshots of the whole page, one per window height scrolled, written as
     * {@code <prefix>-1.png}, {@code <prefix>-2.png}, … into the folder; returns the files.
     */
    public List<Path> screenshotsOfEachPage(Path folder, String prefix) {
        int viewport = script("return window.innerHeight").asInt();
        int total = script("return document.documentElement.scrollHeight").asInt();
        int pages = Math.max(1, (total + viewport - 1) / viewport);
        try {
            Files.createDirectories(folder);
            List<Path> files = new ArrayList<>();
            for (int page = 0; page < pages; page++) {
                script("window.scrollTo(0, arguments[0]); return window.scrollY", page * viewport);
                Path file = folder.resolve(prefix + "-" + (page + 1) + ".png");
                Files.write(file, screenshot());
                files.add(file);
            }
            script("window.scrollTo(0, 0); return 0");
            return List.copyOf(files);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write screenshots into " + folder, e);
        }
    }

    @Override
    public void close() {
        try {
            send("DELETE", session, null);
        } catch (RuntimeException e) {
            // The driver goes below whatever became of the session.
        } finally {
            driver.destroy();
            try {
                if (!driver.waitFor(10, TimeUnit.SECONDS)) {
                    driver.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                driver.destroyForcibly();
            }
        }
    }

    private String newSession() {
        String chromium = System.getenv().getOrDefault("CSP_CHROMIUM", "/usr/bin/chromium");
        Map<String, Object> options = Map.of("binary", chromium, "args", List.of("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars"));
        JsonNode created = send("POST", base + "/session", Map.of("capabilities",
                Map.of("alwaysMatch", Map.of("browserName", "chrome", "goog:chromeOptions", options))));
        return created.path("sessionId").asText();
    }

    private JsonNode command(String method, String path, Object body) {
        return send(method, session + path, body);
    }

    private JsonNode send(String method, String url, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(PATIENCE)
                    .header("Content-Type", "application/json; charset=utf-8");
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode answer = JSON.readTree(response.body());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                        + answer.path("value").path("message").asText(response.body()));
            }
            return answer.path("value");
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + method + " " + url, e);
        }
    }

    private static void awaitReady(HttpClient http, String base) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/status")).build(),
                        HttpResponse.BodyHandlers.ofString()).body()).path("value").path("ready").asBoolean());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }
}
