package cn.talentexchange;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The programme runs on Shanghai time: "this weekend" and "today" are Shanghai's, whatever the server's zone. */
@Configuration(proxyBeanMethods = false)
public class Clocks {

	public static final ZoneId PROGRAMME_ZONE = ZoneId.of("Asia/Shanghai");

	@Bean
	Clock clock() {
		return Clock.system(PROGRAMME_ZONE);
	}

}
