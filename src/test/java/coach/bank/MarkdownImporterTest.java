package coach.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownImporterTest {

    private final MarkdownImporter importer = new MarkdownImporter();

    private static String seed(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/seeds", name));
    }

    private static MarkdownImporter.Draft find(List<MarkdownImporter.Draft> drafts, String text) {
        return drafts.stream().filter(d -> d.question().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no draft for " + text));
    }

    @Test
    void firstSeedListHeadingsNumberedItemsAndCode() throws IOException {
        List<MarkdownImporter.Draft> drafts = importer.parse(seed("seed-list-1.md"));
        MarkdownImporter.Draft singleton = find(drafts, "实现一个单例模式");
        assertEquals("python相关", singleton.subtopic());
        assertTrue(singleton.notes().get(0).startsWith("```") && singleton.notes().get(0).contains("threading.Lock()"));
        assertTrue(find(drafts, "实现一个装饰器").notes().get(0).contains("def wrapper"), "indented fence");
        assertEquals("数据库相关", find(drafts, "Redis数据库如何设置密码").subtopic());
        assertEquals("网络编程相关", find(drafts, "为什么建立连接只需要3次").subtopic());
        assertEquals("linux相关", find(drafts, "修改IP地址的方法").subtopic());
        assertEquals("系统", find(drafts, "熟悉Linux的常见操作").subtopic());
        assertEquals(64, drafts.size(), "54 numbered items and 10 requirement paragraphs");
    }

    @Test
    void secondSeedListBulletsSubBulletsAndLinks() throws IOException {
        List<MarkdownImporter.Draft> drafts = importer.parse(seed("seed-list-2.md"));
        MarkdownImporter.Draft proxy = find(drafts, "正向代理反向代理");
        assertEquals(List.of("https://cloud.tencent.com/developer/article/1418457"), proxy.links());
        MarkdownImporter.Draft balancing = find(drafts, "负载均衡算法");
        assertEquals(List.of("https://zhuanlan.zhihu.com/p/68733507"), balancing.links());
        assertTrue(balancing.notes().contains("轮询、源地址hash、加权轮询、加权随机、最小连接数法"), balancing.notes().toString());
        assertTrue(find(drafts, "sqlarchme 分页").notes().get(0).contains("offset()"));
        assertEquals(49, drafts.size(), "one per top-level bullet");
    }

    @Test
    void draftBankIsJsonTheCheckerCanRead() throws IOException {
        List<MarkdownImporter.Draft> drafts = importer.parse(seed("seed-list-2.md"));
        String json = importer.toBankJson("draft", drafts);
        List<Problem> problems = new ArrayList<>();
        Bank bank = new BankLoader().read("draft.json", json, problems).orElseThrow();
        assertEquals(drafts.size(), bank.questions().size());
        assertEquals("draft-001", bank.questions().get(0).id());
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("keyPoints")), "drafts still need key points");
    }
}
