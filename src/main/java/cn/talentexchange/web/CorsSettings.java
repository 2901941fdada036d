package cn.talentexchange.web;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which web origins may call the API from a browser. None by default: a console served by this service is
 * same-origin and needs none.
 *
 * @param allowedOrigins exact origins such as {@code https://console.example.cn}, or patterns such as
 *        {@code https://*.example.cn}
 * @param maxAge how long a browser may keep a preflight's answer
 */
@ConfigurationProperties("talent.cors")
public record CorsSettings(@DefaultValue List<String> allowedOrigins, @DefaultValue("1h") Duration maxAge) {
}
