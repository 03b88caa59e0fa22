package org.docport.hub.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, driven through its own chromedriver (both from apt; nothing is downloaded),
 * with the lookups a person uses: a field by its label, a button or link by its name, a page by its
 * heading. Each screen can be checked with axe-core and photographed for the README.
 */
final class RealBrowser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Dimension DESKTOP = new Dimension(1280, 900);
  static final Dimension PHONE = new Dimension(360, 780);

  private final ChromeDriver driver;
  private final WebDriverWait wait;
  private final String baseUrl;
  private final Path screenshots;
  private final Path axeScript;
  private final String axe;

  RealBrowser(String baseUrl, Path screenshots, Path axeScript) {
    assertThat(CHROMIUM)
        .as("the browser tests drive Debian's Chromium: apt-get install chromium chromium-driver")
        .exists();
    assertThat(CHROMEDRIVER).as("apt-get install chromium-driver").exists();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=en");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    this.driver = new ChromeDriver(service, options);
    this.driver.manage().window().setSize(DESKTOP);
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    this.baseUrl = baseUrl;
    this.screenshots = screenshots;
    this.axeScript = axeScript;
    try {
      this.axe = Files.readString(axeScript);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A second browser with its own cookies, on the same hub: another person at another desk. */
  RealBrowser another() {
    return new RealBrowser(baseUrl, screenshots, axeScript);
  }

  void open(String path) {
    driver.get(path.startsWith("http") ? path : baseUrl + path);
  }

  /** Waits until the page's main heading reads {@code text}. */
  void seeHeading(String text) {
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.xpath("//h1[normalize-space()=" + literal(text) + "]")));
  }

  /** Waits until {@code text} is somewhere on the page. */
  void see(String text) {
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.xpath("//*[contains(normalize-space(), " + literal(text) + ")]")));
  }

  /** Types into the field labelled {@code label} (the label's {@code for}, as a person sees). */
  void fill(String label, String value) {
    WebElement field = field(label);
    field.clear();
    field.sendKeys(value);
  }

  WebElement field(String label) {
    WebElement labelElement =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//label[normalize-space()=" + literal(label) + "]")));
    String target = labelElement.getDomAttribute("for");
    // A label either names its field's id or wraps the field (checkboxes often do).
    return target == null
        ? labelElement.findElement(By.cssSelector("input, select, textarea"))
        : driver.findElement(By.id(target));
  }

  /**
   * Sets a date field the way a date picker would: typing into one depends on the browser's locale,
   * the value does not.
   */
  void fillDate(String label, java.time.LocalDate date) {
    driver.executeScript(
        "const input = arguments[0];"
            + "Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')"
            + ".set.call(input, arguments[1]);"
            + "input.dispatchEvent(new Event('input', {bubbles: true}));"
            + "input.dispatchEvent(new Event('change', {bubbles: true}));",
        field(label),
        date.toString());
  }

  /** Ticks the checkbox whose label mentions {@code text} (a visually hidden name counts). */
  void tickMentioning(String text) {
    WebElement label =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath("//label[contains(normalize-space(), " + literal(text) + ")]")));
    WebElement box = label.findElement(By.cssSelector("input"));
    if (!box.isSelected()) {
      label.click();
    }
  }

  /** Chooses {@code option} (its visible text) in the list labelled {@code label}. */
  void select(String label, String option) {
    new Select(field(label)).selectByVisibleText(option);
  }

  /** Clicks the button whose text starts with {@code prefix} (its name goes on, hidden). */
  void pressStartingWith(String prefix) {
    click(By.xpath("//button[starts-with(normalize-space(), " + literal(prefix) + ")]"));
  }

  /** Ticks the checkbox labelled {@code label} if it is not ticked. */
  void tick(String label) {
    WebElement box = field(label);
    if (!box.isSelected()) {
      box.click();
    }
  }

  /** Chooses a file in the file field labelled {@code label}. */
  void choose(String label, Path file) {
    WebElement labelElement =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath("//label[normalize-space()=" + literal(label) + "]")));
    driver.findElement(By.id(labelElement.getDomAttribute("for"))).sendKeys(file.toString());
  }

  /** Types into a combobox and takes the option named {@code option}. */
  void pick(String label, String typed, String option) {
    field(label).sendKeys(typed);
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//*[@role='option'][starts-with(normalize-space(), "
                        + literal(option)
                        + ")]")))
        .click();
  }

  /** Clicks the button or link named {@code name}: by its text, or by its aria-label. */
  void press(String name) {
    String named = "[normalize-space()=" + literal(name) + " or @aria-label=" + literal(name) + "]";
    click(By.xpath("//button" + named + " | //a" + named));
  }

  /**
   * Clicks the element once clickable, scrolled to the middle of the window first, as a person
   * would scroll: at the window's edge a sticky bar (the availability's save bar) can cover it.
   */
  private void click(By by) {
    WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    element.click();
  }

  String text(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by)).getText();
  }

  /** axe-core's serious and critical violations on the page as it stands (none expected). */
  List<String> accessibilityProblems() {
    JavascriptExecutor js = driver;
    js.executeScript(axe);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> violations =
        (List<Map<String, Object>>)
            js.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "axe.run(document, {resultTypes: ['violations']})"
                    + ".then(r => done(r.violations.filter(v => v.impact === 'serious'"
                    + " || v.impact === 'critical').map(v => ({id: v.id, help: v.help,"
                    + " nodes: v.nodes.map(n => n.target.join(' ')).join(', ')}))));");
    return violations.stream()
        .map(v -> v.get("id") + ": " + v.get("help") + " at " + v.get("nodes"))
        .toList();
  }

  /**
   * Saves the page at desktop and phone width as {@code name-desktop.png} and {@code
   * name-phone.png}.
   */
  void photograph(String name) {
    try {
      Files.createDirectories(screenshots);
      for (var size : List.of(Map.entry("desktop", DESKTOP), Map.entry("phone", PHONE))) {
        driver.manage().window().setSize(size.getValue());
        Files.write(
            screenshots.resolve(name + "-" + size.getKey() + ".png"),
            driver.getScreenshotAs(OutputType.BYTES));
      }
      driver.manage().window().setSize(DESKTOP);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Checks the screen with axe-core at both widths, then photographs it. */
  void checkAndPhotograph(String name) {
    for (Dimension size : List.of(DESKTOP, PHONE)) {
      driver.manage().window().setSize(size);
      assertThat(accessibilityProblems()).as("axe-core on %s at %s px", name, size.width).isEmpty();
    }
    photograph(name);
  }

  /** Keeps what the browser showed when a step failed: a screenshot and the page's HTML. */
  void keepEvidence(Path dir) {
    try {
      Files.createDirectories(dir);
      Files.write(dir.resolve("failure.png"), driver.getScreenshotAs(OutputType.BYTES));
      Files.writeString(dir.resolve("failure.html"), driver.getPageSource());
    } catch (IOException | RuntimeException e) {
      // the evidence is a courtesy; the failure itself is what the test reports
    }
  }

  @Override
  public void close() {
    driver.quit();
  }

  private static String literal(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }
}
