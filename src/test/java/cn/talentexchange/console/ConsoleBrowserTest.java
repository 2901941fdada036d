package cn.talentexchange.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import cn.talentexchange.support.ApiTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console in a real browser: Debian's chromium, headless, through chromedriver, against the running
 * application. Each role's main flow, on a laptop-sized window, and the expert's on a phone-sized one. Each page
 * leaves a screenshot under {@code target/console-screenshots}; any error in the browser's console (a script error,
 * a request that failed) fails the flow. Without chromium the tests are skipped, unless
 * {@code TALENT_BROWSER_TESTS=required} (as {@code .ci/run} sets) makes that a failure.
 */
@TestPropertySource(properties = "talent.embedded-mongo.database=console")
class ConsoleBrowserTest extends ApiTest {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

	private static final Dimension LAPTOP = new Dimension(1366, 900);

	private static final Dimension PHONE = new Dimension(390, 844);

	@BeforeAll
	static void aBrowserIsThere() {
		boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!present && "required".equals(System.getenv("TALENT_BROWSER_TESTS"))) {
			fail("TALENT_BROWSER_TESTS=required, but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing");
		}
		assumeTrue(present, "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
	}

	@Test
	void anAgencyPostsTheCoordinatorPlansAnExpertAcceptsOnAPhoneAndTheCountySeesWhoIsComing() throws IOException {
		String title = "通用航空产业链招商图谱（浏览器）";
		WebDriver laptop = browser(LAPTOP, "zh-CN");
		try {
			signIn(laptop, "agency-faku", "agency");
			laptop.findElement(By.cssSelector("#new-request [name=title]")).sendKeys(title);
			laptop.findElement(By.cssSelector("#new-request [name=description]")).sendKeys("梳理通用航空上下游，形成招商图谱。");
			laptop.findElement(By.cssSelector("#new-request [name=subCategory]")).sendKeys("investment");
			laptop.findElement(By.cssSelector("#new-request [name=address]")).sendKeys("法库县经济开发区管委会");
			shot(laptop, "agency-1-new-request");
			laptop.findElement(By.id("create-request")).click();
			WebElement draft = waitFor(laptop, By.xpath("//table[@id='requests']//tr[.//button[text()='" + title + "']]"));
			draft.findElement(By.className("edit-request")).click();
			WebElement titleField = laptop.findElement(By.cssSelector("#new-request [name=title]"));
			assertThat(titleField.getAttribute("value")).isEqualTo(title);
			titleField.sendKeys("（修订）");
			laptop.findElement(By.id("create-request")).click();
			String revised = title + "（修订）";
			WebElement row = waitFor(laptop, By.xpath("//table[@id='requests']//tr[.//button[text()='" + revised + "']]"));
			assertThat(laptop.findElements(By.xpath("//table[@id='requests']//button[text()='" + title + "']"))).isEmpty();
			row.findElement(By.className("open-request")).click();
			waitFor(laptop, By.xpath("//table[@id='requests']//tr[.//button[text()='" + revised + "']]//span[text()='已发布']"));
			assertThat(laptop.findElement(By.id("message")).getText()).isEqualTo("需求已发布，等待排期。");
			shot(laptop, "agency-2-opened");
			assertCleanConsole(laptop);

			signOut(laptop);
			signIn(laptop, "coordinator", "coordinator");
			laptop.findElement(By.id("start-plan")).click();
			new WebDriverWait(laptop, Duration.ofMinutes(3))
				.until(ExpectedConditions.textToBe(By.id("plan-status"), "已完成"));
			assertThat(laptop.findElement(By.id("plan-score")).getText()).contains("hard");
			shot(laptop, "coordinator-1-solved");
			laptop.findElement(By.id("publish-plan")).click();
			assertThat(waitFor(laptop, By.id("published")).getText()).startsWith("已发出");
			waitFor(laptop, By.cssSelector("#offers tbody tr"));
			shot(laptop, "coordinator-2-published");
			WebElement offered = waitFor(laptop, By.cssSelector("#board button.seat.OFFERED"));
			assertThat(laptop.findElements(By.cssSelector("#board tr[data-county]"))).isNotEmpty();
			shot(laptop, "coordinator-3-board");
			offered.click();
			waitFor(laptop, By.cssSelector("#candidates tbody tr"));
			assertThat(laptop.findElements(By.cssSelector("#candidates tr.chosen"))).as("the holder among the candidates").hasSize(1);
			shot(laptop, "coordinator-4-candidates", laptop.findElement(By.id("seat")));
			laptop.findElement(By.id("show-report")).click();
			assertThat(waitFor(laptop, By.id("report-gini")).getText()).isNotBlank();
			laptop.findElement(By.id("download-csv")).click();
			shot(laptop, "coordinator-5-report", laptop.findElement(By.id("report")));
			assertThat(laptop.findElement(By.id("error")).isDisplayed()).isFalse();
			WebElement travel = laptop.findElement(By.cssSelector("#weights-form [name=travel]"));
			String heavier = String.valueOf(Long.parseLong(travel.getAttribute("value")) + 1);
			travel.clear();
			travel.sendKeys(heavier);
			laptop.findElement(By.id("save-weights")).click();
			waitFor(laptop, By.xpath("//p[@id='message' and text()='权重已保存。']"));
			shot(laptop, "coordinator-6-weights", laptop.findElement(By.id("weights")));
			as("coordinator").get().uri("/api/v1/admin/constraint-weights").exchange().expectStatus().isOk().expectBody()
				.jsonPath("$.weights.travel").isEqualTo(Integer.parseInt(heavier));
			assertCleanConsole(laptop);
		}
		finally {
			laptop.quit();
		}

		Map<?, ?> offer = firstOffer();
		String offerId = (String) offer.get("id");
		String expert = username((String) offer.get("expertId"));
		WebDriver phone = browser(PHONE, "zh-CN");
		try {
			signIn(phone, expert, "expert");
			WebElement card = waitFor(phone, By.cssSelector("article.offer[data-id='" + offerId + "']"));
			assertThat(card.findElement(By.cssSelector("ul.why-you li")).getText()).contains("级能力");
			shot(phone, "expert-1-offers");
			card.findElement(By.className("accept")).click();
			waitFor(phone, By.cssSelector("article.upcoming[data-id='" + offerId + "']"));
			assertThat(phone.findElements(By.cssSelector("article.offer[data-id='" + offerId + "']"))).isEmpty();
			shot(phone, "expert-2-accepted");
			assertCleanConsole(phone);
		}
		finally {
			phone.quit();
		}

		WebDriver county = browser(LAPTOP, "zh-CN");
		try {
			signIn(county, "agency-" + offer.get("countyId"), "agency");
			waitFor(county, By.cssSelector("#requests tr[data-id='" + offer.get("requestId") + "'] .show-request")).click();
			WebElement coming = waitFor(county, By.cssSelector("#roster tr[data-status='ACCEPTED']"));
			assertThat(coming.findElement(By.className("expert-phone")).getText()).isNotBlank().doesNotContain("*");
			shot(county, "agency-3-who-is-coming", county.findElement(By.id("roster")));
			assertCleanConsole(county);
		}
		finally {
			county.quit();
		}
	}

	@Test
	void bothHrBureausApproveAPlacementEachForItsSide() throws IOException {
		String placement = nominatedPlacement();
		WebDriver laptop = browser(LAPTOP, "zh-CN");
		try {
			signIn(laptop, "hr-city", "hr");
			waitFor(laptop, By.cssSelector("#placements tr[data-id='" + placement + "'] .approve-home")).click();
			waitFor(laptop, By.xpath("//p[@id='message' and text()='已批准。']"));
			shot(laptop, "hr-1-home-approved");
			signOut(laptop);
			signIn(laptop, "hr-faku", "hr");
			waitFor(laptop, By.cssSelector("#placements tr[data-id='" + placement + "'] .approve-host")).click();
			waitFor(laptop, By.xpath("//table[@id='placements']//tr[@data-id='" + placement + "']//span[text()='已批准']"));
			waitFor(laptop, By.cssSelector("#ledger .ledger-row"));
			shot(laptop, "hr-2-approved");
			assertCleanConsole(laptop);
		}
		finally {
			laptop.quit();
		}
	}

	@Test
	void theConsoleSpeaksTheBrowsersLanguageAndSwitchesOnRequest() throws IOException {
		WebDriver phone = browser(PHONE, "en");
		try {
			phone.get(base() + "/");
			assertThat(waitFor(phone, By.cssSelector("#sign-in h1")).getText()).isEqualTo("Sign in");
			signIn(phone, "expert-0002", "expert");
			assertThat(phone.findElement(By.cssSelector("#expert h1")).getText()).isEqualTo("New offers");
			WebElement day = phone.findElement(By.cssSelector("#weekends button.day"));
			String date = day.getAttribute("data-date");
			String before = day.getAttribute("aria-pressed");
			day.click();
			By sameDay = By.cssSelector("#weekends button.day[data-date='" + date + "']");
			new WebDriverWait(phone, Duration.ofSeconds(30))
				.until(ExpectedConditions.not(ExpectedConditions.attributeToBe(sameDay, "aria-pressed", before)));
			as("expert-0002").get().uri("/api/v1/experts/me/availability").exchange().expectStatus().isOk().expectBody()
				.jsonPath("$.dates[?(@ == '" + date + "')]").value(found -> assertThat((List<?>) found)
					.hasSize("true".equals(before) ? 0 : 1));
			shot(phone, "expert-en", phone.findElement(By.id("weekends")));
			phone.findElement(By.id("switch-language")).click();
			assertThat(phone.findElement(By.cssSelector("#expert h1")).getText()).isEqualTo("新的邀请");
			assertCleanConsole(phone);
		}
		finally {
			phone.quit();
		}
	}

	private WebDriver browser(Dimension size, String language) {
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=" + language,
					"--window-size=" + size.getWidth() + "," + size.getHeight());
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

	private String base() {
		return "http://127.0.0.1:" + port;
	}

	private void signIn(WebDriver browser, String username, String section) {
		if (!browser.getCurrentUrl().startsWith(base())) {
			browser.get(base() + "/");
		}
		WebElement name = waitFor(browser, By.id("username"));
		name.clear();
		name.sendKeys(username);
		browser.findElement(By.id("sign-in-button")).click();
		waitFor(browser, By.id(section));
	}

	private void signOut(WebDriver browser) {
		browser.findElement(By.id("sign-out")).click();
		waitFor(browser, By.id("sign-in"));
	}

	private static WebElement waitFor(WebDriver browser, By what) {
		return new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(what));
	}

	/** A screenshot with {@code shown} scrolled into view. */
	private static void shot(WebDriver browser, String name, WebElement shown) throws IOException {
		((ChromeDriver) browser).executeScript("arguments[0].scrollIntoView({block: 'start'})", shown);
		shot(browser, name);
	}

	private static void shot(WebDriver browser, String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Path taken = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(taken, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	/** Script errors and failed requests both reach the browser's console as SEVERE entries. */
	private static void assertCleanConsole(WebDriver browser) {
		List<String> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
			.filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
		assertThat(severe).as("errors in the browser's console").isEmpty();
	}

	private Map<?, ?> firstOffer() {
		Map<?, ?> page = as("coordinator").get().uri("/api/v1/assignments?status=OFFERED&size=1").exchange()
			.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		List<?> items = (List<?>) page.get("items");
		assertThat(items).as("offers after publishing").isNotEmpty();
		return (Map<?, ?>) items.get(0);
	}

	private String username(String expertId) {
		Map<?, ?> expert = as("coordinator").get().uri("/api/v1/experts/" + expertId).exchange().expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody();
		return (String) expert.get("username");
	}

	/** A post, a candidate and a nomination, made through the API as the HR bureaus make them. */
	private String nominatedPlacement() {
		LocalDate today = LocalDate.now();
		Map<?, ?> post = as("hr-faku").post().uri("/api/v1/secondments/posts").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("hostOrganisationId", "faku-drc", "role", "发改局副局长（挂职）", "positions", 1, "direction",
					"CITY_TO_COUNTY", "requiredSkills", List.of(Map.of("skill", "industrial-planning", "minLevel", 3)),
					"period", Map.of("start", today.plusMonths(1).toString(), "end", today.plusMonths(7).toString())))
			.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
		Map<?, ?> candidate = as("hr-city").post().uri("/api/v1/secondments/candidates").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "林书航", "homeOrganisationId", "huanggu-drc", "skills",
					List.of(Map.of("skill", "industrial-planning", "level", 4)),
					"availability", List.of(Map.of("start", today.toString(), "end", today.plusYears(1).toString()))))
			.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
		Map<?, ?> placement = as("hr-city").post().uri("/api/v1/secondments/placements").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("postId", post.get("id"), "candidateId", candidate.get("id")))
			.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
		return (String) placement.get("id");
	}

}
