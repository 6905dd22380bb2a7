// Virtual dispatch: a class hierarchy with pure virtual functions,
// overriding through several levels, virtual destructors, multiple and
// virtual inheritance, dynamic_cast, typeid names, and calls through
// base pointers in a container.
#include <cstdio>
#include <memory>
#include <typeinfo>
#include <vector>

struct Shape {
    virtual ~Shape() { std::printf("~Shape\n"); }
    virtual double area() const = 0;
    virtual const char *name() const { return "shape"; }
};
struct Rect : Shape {
    double w, h;
    Rect(double a, double b) : w(a), h(b) {}
    double area() const override { return w * h; }
    const char *name() const override { return "rect"; }
    ~Rect() override { std::printf("~Rect\n"); }
};
struct Square final : Rect {
    explicit Square(double s) : Rect(s, s) {}
    const char *name() const override { return "square"; }
};
struct Circle : Shape {
    double r;
    explicit Circle(double x) : r(x) {}
    double area() const override { return 3.0 * r * r; }
};

struct Named { virtual ~Named() = default; virtual const char *label() const { return "named"; } };
struct Base { int b = 1; virtual int get() const { return b; } virtual ~Base() = default; };
struct Left : virtual Base { int l = 10; int get() const override { return b + l; } };
struct Right : virtual Base { int r = 100; };
struct Diamond : Left, Right, Named { int get() const override { return b + l + r; } const char *label() const override { return "diamond"; } };

int main()
{
    std::vector<std::unique_ptr<Shape>> shapes;
    shapes.emplace_back(new Rect(2, 3));
    shapes.emplace_back(new Square(4));
    shapes.emplace_back(new Circle(1.5));
    double total = 0;
    for (auto &s : shapes) {
        std::printf("%s area %g rect? %d\n", s->name(), s->area(), dynamic_cast<Rect *>(s.get()) != nullptr);
        total += s->area();
    }
    std::printf("total %g\n", total);
    std::printf("typeid: %s %s\n", typeid(*shapes[1]).name(), typeid(Circle).name());
    Diamond dm;
    Base *bp = &dm;
    Named *np = &dm;
    std::printf("diamond get %d label %s\n", bp->get(), np->label());
    Diamond *back = dynamic_cast<Diamond *>(np);
    Left *cross = dynamic_cast<Left *>(np);
    std::printf("dynamic_cast back %d cross %d\n", back == &dm, cross && cross->get() == 111);
    try {
        Shape &ref = *shapes[2];
        (void)dynamic_cast<Rect &>(ref);
    } catch (const std::bad_cast &e) {
        std::printf("bad_cast caught\n");
    }
    shapes.clear();
    std::printf("cleared\n");
    return 0;
}
